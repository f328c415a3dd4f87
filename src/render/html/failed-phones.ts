import type { ErrorKind } from '../../report/report-document.js';
import { ERROR_ADVICE } from './error-advice.js';
import { escapeText } from './html-escape.js';
import type { FailedPhone } from './page-data.js';

/**
 * The phones that could not be read, grouped by error kind (the largest
 * group first), each group with what happened and what to check.
 */
export function failedPhones(failed: readonly FailedPhone[]): string {
  if (failed.length === 0) return '<p class="none">Every phone was read.</p>';
  const groups = new Map<ErrorKind, FailedPhone[]>();
  for (const phone of failed) {
    const group = groups.get(phone.kind) ?? [];
    group.push(phone);
    groups.set(phone.kind, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([kind, phones]) => failedGroup(kind, phones))
    .join('');
}

function failedGroup(kind: ErrorKind, phones: readonly FailedPhone[]): string {
  const advice = ERROR_ADVICE[kind];
  const rows = phones.map(
    (phone) =>
      `<tr><td>${escapeText(phone.host)}</td><td>${escapeText(phone.name ?? '')}</td><td>${escapeText(phone.site ?? '')}</td><td>${escapeText(phone.message)}</td></tr>`,
  );
  return [
    `<div class="failed-kind" data-kind="${kind}"><h3><code>${kind}</code>: ${phones.length} phone${phones.length === 1 ? '' : 's'}, ${withCode(advice.happened)}</h3>`,
    `<p class="advice"><b>What to check:</b> ${withCode(advice.check)}</p>`,
    '<table class="failed"><thead><tr><th>host</th><th>name</th><th>site</th><th>message</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

/** Our own advice text, with `code` spans set as code. */
function withCode(text: string): string {
  return escapeText(text).replace(/`([^`]*)`/g, '<code>$1</code>');
}
