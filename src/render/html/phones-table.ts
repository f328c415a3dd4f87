import { escapeText } from './html-escape.js';
import type { PhoneRow } from './page-data.js';
import { shortTime } from './time-scale.js';

const COLUMNS = ['host', 'name', 'site', 'model', 'status', 'last reason', 'last alarm (UTC)', 'alarms'];
const COLGROUP = `<colgroup>${COLUMNS.map((_, index) => `<col class="k${index}">`).join('')}</colgroup>`;
/** Rows per block: the browser lays out only the blocks in view (content-visibility), so 10,000 phones open fast. */
export const ROWS_PER_BLOCK = 250;

/**
 * Every phone, one row each, in report order: a header table, then blocks
 * of rows that share its fixed column widths. The page's script adds the
 * filter box (hidden without scripts), sorting by any column, and a row's
 * alarms, decoded, under it when clicked.
 */
export function phonesTable(rows: readonly PhoneRow[]): string {
  const head = COLUMNS.map((column) => `<th${column === 'alarms' ? ' class="n"' : ''}>${column}</th>`).join('');
  const blocks: string[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
    const block = rows
      .slice(start, start + ROWS_PER_BLOCK)
      .map(phoneRow)
      .join('');
    blocks.push(`<div class="block"><table class="phones">${COLGROUP}<tbody>${block}</tbody></table></div>`);
  }
  return [
    '<div class="filters" hidden><input type="search" id="phone-filter" placeholder="Filter: host, name, site, model, reason..." aria-label="Filter phones">',
    '<select id="status-filter" aria-label="Status"><option value="">every phone</option><option value="alarms">with alarms</option>',
    '<option value="failed">failed</option><option value="ok">read, no alarm</option></select>',
    `<span id="phone-count">${rows.length} phones</span></div>`,
    `<div id="phone-table"><table class="phones phones-head">${COLGROUP}<thead><tr>${head}</tr></thead></table>`,
    ...blocks,
    '</div>',
  ].join('');
}

function phoneRow(row: PhoneRow): string {
  const status = row.errorKind === null ? 'ok' : `failed: ${row.errorKind}`;
  const reason =
    row.lastReason === null ? '' : `<span class="swatch c${row.lastCategory}"></span>${escapeText(row.lastReason)}`;
  return [
    row.errorKind === null ? '<tr>' : '<tr class="f">',
    `<td>${escapeText(row.host)}</td><td>${escapeText(row.name ?? '')}</td><td>${escapeText(row.site ?? '')}</td>`,
    `<td>${escapeText(row.model ?? '')}</td><td>${status}</td><td>${reason}</td>`,
    `<td>${row.lastAlarm === null ? '' : shortTime(row.lastAlarm)}</td><td class="n">${row.alarms}</td></tr>`,
  ].join('');
}
