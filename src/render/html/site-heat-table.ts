import { CATEGORY_STYLES } from './category-colours.js';
import { escapeText } from './html-escape.js';
import type { SiteTally } from './page-data.js';

// Shades of a cell, by the share of the site's phones it counts.
const SHADES = 5;

/**
 * Sites x reason categories: in each cell the site's phones with at least
 * one alarm of that category, shaded by their share of the site, so the
 * site where most phones dropped for one cause stands out. Only the
 * categories met at some site are columns. Empty when no phone has a site.
 */
export function siteHeatTable(sites: ReadonlyMap<string, SiteTally>): string {
  if (sites.size === 0) return '';
  const columns = CATEGORY_STYLES.flatMap((_, index) =>
    [...sites.values()].some((tally) => (tally.phonesByCategory[index] ?? 0) > 0) ? [index] : [],
  );
  const head = columns
    .map(
      (index) =>
        `<th class="n"><span class="swatch c${index}"></span>${escapeText(CATEGORY_STYLES[index]?.label ?? '')}</th>`,
    )
    .join('');
  const rows = [...sites.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([site, tally]) => {
      const cells = columns.map((index) => heatCell(tally.phonesByCategory[index] ?? 0, tally.phones));
      return `<tr><td>${escapeText(site)}</td><td class="n">${tally.phones}</td><td class="n">${tally.failed}</td>${cells.join('')}</tr>`;
    });
  return [
    '<table class="heat sortable"><thead><tr><th>site</th><th class="n">phones</th><th class="n">failed</th>',
    `${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function heatCell(count: number, phones: number): string {
  if (count === 0) return '<td class="n h0"></td>';
  const shade = Math.max(1, Math.ceil((count / phones) * SHADES));
  return `<td class="n h${shade}" title="${count} of ${phones} phones">${count}</td>`;
}
