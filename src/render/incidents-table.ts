import type { FoundIncident, Incident } from '../report/report-document.js';
import { packPairs } from './alarm-parameters.js';
import type { Colour } from './colour.js';
import { type ColumnSpec, fitTable } from './fit-table.js';

const INCIDENT_COLUMNS: ColumnSpec[] = [
  { header: '#', align: 'right' },
  { header: 'start (UTC)' },
  { header: 'lasted', align: 'right', priority: 1 },
  { header: 'phones', align: 'right' },
  { header: 'suspect', shrink: true, minWidth: 20 },
  { header: 'reasons', shrink: true, minWidth: 16, priority: 2 },
];
// The reasons column names the main ones; the JSON has them all.
const REASONS_SHOWN = 3;

export interface IncidentsTableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
  readonly width: number | null;
}

/**
 * The Incidents section: when, how many phones, the suspect in words and
 * the main reasons; with --detail, each incident's devices and their switch
 * ports under its row. Empty text when there is no incident.
 */
export function incidentsSection(incidents: readonly FoundIncident[], options: IncidentsTableOptions): string {
  if (incidents.length === 0) return '';
  const rows = incidents.map(({ incident, suspectPopulation }) => [
    String(incident.id),
    shortTime(incident.start),
    `${Math.round((Date.parse(incident.end) - Date.parse(incident.start)) / 1000)}s`,
    String(incident.phones),
    suspectWords(incident, suspectPopulation),
    reasonWords(incident),
  ]);
  const notes = options.detail
    ? incidents.map((found) => (width: number) => packPairs(devicePorts(found), width))
    : undefined;
  const table = fitTable(INCIDENT_COLUMNS, rows, { width: options.width, heading: options.colour.bold, notes });
  return `${options.colour.bold('Incidents')}\n${table}`;
}

/** "switch sw-b2-lobby, 10 of its 12 phones", "CUCM node cucm-sub1, 300 of its 320 phones". */
export function suspectWords(incident: Incident, population: number | null): string {
  const { suspect } = incident;
  if (suspect.kind === 'none' || suspect.value === null) return 'no scope shared by nearly all';
  const share = population === null ? `${suspect.phones} phones` : `${suspect.phones} of its ${population} phones`;
  const unknown = incident.phones - suspect.phones;
  const rest = unknown > 0 ? `, and ${unknown} whose alarm names no ${SCOPE_WORDS[suspect.kind]}` : '';
  return `${SCOPE_WORDS[suspect.kind]} ${suspect.value}, ${share}${rest}`;
}

/** A scope kind in words, for tables and the HTML page. */
export const SCOPE_WORDS = {
  switch: 'switch',
  subnet: 'subnet',
  gateway: 'gateway',
  vlan: 'voice VLAN',
  site: 'site',
  cucm: 'CUCM node',
} as const;

/** "10 TCPtimeOut, 2 UnregReasonNoEthLink": alarms per reason, the main ones. */
export function reasonWords(incident: Incident, limit = REASONS_SHOWN): string {
  const shown = incident.reasons.slice(0, limit).map((reason) => `${reason.alarms} ${reason.name}`);
  const more = incident.reasons.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, ${more} more` : shown.join(', ');
}

/** Each device with its switch port: `SEP00AABBCC0101 sw-b2-lobby Gi1/0/3`. */
function devicePorts(found: FoundIncident): string[] {
  return found.ports.map(({ device, switch: name, port }) =>
    [device, name ?? '(no switch)', port ?? ''].filter((part) => part !== '').join(' '),
  );
}

/** `2026-11-20 03:12:04` (UTC, to the second): the table's time of day. */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}
