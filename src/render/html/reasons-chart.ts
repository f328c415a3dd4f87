import { outOfServiceReasonByCode } from '../../catalogue/out-of-service-reasons.js';
import type { ReasonCount } from '../../report/report-document.js';
import { CATEGORY_STYLES, categoryIndex } from './category-colours.js';
import { escapeText } from './html-escape.js';

const BAR_WIDTH = 240;
const BAR_HEIGHT = 14;

/**
 * The summary's reasons, most phones first: a bar per code (sent to CUCM
 * solid, not yet sent light), the category, the counts, and the
 * catalogue's meaning and what to check next in a details row.
 */
export function reasonsChart(reasons: readonly ReasonCount[]): string {
  if (reasons.length === 0) return '<p class="none">No LastOutOfServiceInformation alarms.</p>';
  const most = Math.max(...reasons.map((reason) => reason.alarms));
  const rows = reasons.map((reason) => reasonRow(reason, most));
  return [
    '<table class="reasons"><thead><tr>',
    '<th class="n">code</th><th>reason</th><th>category</th><th>alarms (solid: sent to CUCM, light: not yet sent)</th>',
    '<th class="n">phones</th><th class="n">alarms</th><th class="n">sent</th><th class="n">unsent</th>',
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function reasonRow(reason: ReasonCount, most: number): string {
  const known = reason.code === null ? undefined : outOfServiceReasonByCode(reason.code);
  const category = categoryIndex(known?.category ?? null);
  const style = CATEGORY_STYLES[category];
  const explanation =
    known === undefined
      ? '<p>Not in the catalogue: see docs/catalogue.md, and keep the raw output for a report.</p>'
      : `<p><b>Means:</b> ${escapeText(known.meaning)}</p><p><b>Check next:</b> ${escapeText(known.checkNext)}</p>`;
  return [
    `<tr><td class="n">${reason.code ?? ''}</td>`,
    `<td><details><summary>${escapeText(reason.name)}</summary>${explanation}</details></td>`,
    `<td><span class="swatch c${category}"></span>${escapeText(style?.label ?? '')}</td>`,
    `<td>${bar(reason, most, style?.colour ?? '#888')}</td>`,
    `<td class="n">${reason.phones}</td><td class="n">${reason.alarms}</td>`,
    `<td class="n">${reason.sent}</td><td class="n">${reason.unsent}</td></tr>`,
  ].join('');
}

function bar(reason: ReasonCount, most: number, colour: string): string {
  const sent = (reason.sent / most) * BAR_WIDTH;
  const unsent = (reason.unsent / most) * BAR_WIDTH;
  const title = `${reason.sent} sent, ${reason.unsent} not yet sent`;
  return [
    `<svg class="chart bar" viewBox="0 0 ${BAR_WIDTH} ${BAR_HEIGHT}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}">`,
    `<title>${title}</title>`,
    `<rect x="0" y="0" width="${Math.max(sent, 0)}" height="${BAR_HEIGHT}" fill="${colour}"/>`,
    `<rect x="${sent}" y="0" width="${Math.max(unsent, 0)}" height="${BAR_HEIGHT}" fill="${colour}" fill-opacity="0.4"/>`,
    '</svg>',
  ].join('');
}
