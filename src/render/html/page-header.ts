import type { ReportSummary } from '../../report/report-document.js';
import { escapeText } from './html-escape.js';
import { shortTime } from './time-scale.js';

export interface HeaderFacts {
  readonly summary: ReportSummary;
  readonly generatedAt: string;
  readonly version: string;
  /** The command line that made the report, when known. */
  readonly command: string | undefined;
  /** Epoch milliseconds of the first and last alarm, when any has a time. */
  readonly alarmSpan: { readonly first: number; readonly last: number } | null;
  readonly incidents: number;
}

/** When, what made it, and the fleet's totals in large figures. */
export function pageHeader(facts: HeaderFacts): string {
  const { total, ok, failed, withAlarms } = facts.summary.phones;
  const alarms = facts.summary.reasons.reduce((sum, reason) => sum + reason.alarms, 0);
  const span =
    facts.alarmSpan === null
      ? ''
      : `<p class="span">Alarms from ${shortTime(new Date(facts.alarmSpan.first).toISOString())} to ${shortTime(new Date(facts.alarmSpan.last).toISOString())} UTC</p>`;
  const command = facts.command === undefined ? '' : ` <code>${escapeText(facts.command)}</code>`;
  return [
    '<header><h1>Why phones lost their CUCM registration</h1>',
    `<p class="meta">Generated ${shortTime(facts.generatedAt)} UTC by unreg ${escapeText(facts.version)}${command}</p>`,
    '<div class="figures">',
    figure(total, 'phones'),
    figure(ok, 'read'),
    figure(failed, 'could not be read', failed > 0 ? 'bad' : ''),
    figure(withAlarms, 'with alarms', withAlarms > 0 ? 'warn' : ''),
    figure(alarms, 'alarms'),
    facts.incidents > 0 ? figure(facts.incidents, facts.incidents === 1 ? 'incident' : 'incidents', 'bad') : '',
    `</div>${span}</header>`,
  ].join('');
}

function figure(value: number, label: string, tone = ''): string {
  return `<div class="figure${tone === '' ? '' : ` ${tone}`}"><b>${value}</b><span>${label}</span></div>`;
}
