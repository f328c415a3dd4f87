import type { FoundIncident } from '../../report/report-document.js';
import { SCOPE_WORDS } from '../incidents-table.js';
import { escapeText } from './html-escape.js';
import { shortTime } from './time-scale.js';

/**
 * The report's incidents, oldest first: when, the suspect in words, how
 * many phones, the main reasons, and the devices (with their switch ports)
 * in a details row.
 */
export function incidentsSection(incidents: readonly FoundIncident[]): string {
  const rows = incidents.map(({ incident, suspectPopulation, ports }) => {
    const reasons = incident.reasons
      .map((reason) => `${reason.code === null ? '' : `${reason.code} `}${reason.name} (${reason.alarms})`)
      .join(', ');
    const devices = ports.map((port) =>
      port.port === null ? port.device : `${port.device} (${port.switch ?? '?'} ${port.port})`,
    );
    return [
      `<tr><td class="n">#${incident.id}</td>`,
      `<td>${shortTime(incident.start)}<br>to ${shortTime(incident.end)}</td>`,
      `<td class="suspect">${suspectWords({ incident, suspectPopulation })}</td>`,
      `<td class="n">${incident.phones}</td><td class="n">${incident.alarms}</td>`,
      `<td>${escapeText(reasons)}</td>`,
      `<td><details><summary>${incident.devices.length} device${incident.devices.length === 1 ? '' : 's'}</summary>`,
      `<p class="devices">${escapeText(devices.join(', '))}</p></details></td></tr>`,
    ].join('');
  });
  return [
    '<table class="incidents"><thead><tr><th class="n">#</th><th>when (UTC)</th><th>suspect</th>',
    '<th class="n">phones</th><th class="n">alarms</th><th>reasons</th><th>devices</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

/** "<b>switch sw-b2-lobby</b>: 10 of its 12 phones", or "no scope they share", as HTML. */
function suspectWords({ incident, suspectPopulation }: Pick<FoundIncident, 'incident' | 'suspectPopulation'>): string {
  const { kind, value, phones } = incident.suspect;
  if (kind === 'none' || value === null) return 'no scope they share';
  const of = suspectPopulation === null ? '' : ` of its ${suspectPopulation}`;
  return `<b>${SCOPE_WORDS[kind]} ${escapeText(value)}</b>: ${phones}${of} phones`;
}
