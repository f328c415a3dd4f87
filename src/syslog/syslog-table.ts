import type { Colour } from '../render/colour.js';
import { type ColumnSpec, fitTable, fitText } from '../render/fit-table.js';
import { terminalSafe } from '../render/terminal-text.js';
import type { SyslogEvent } from '../report/syslog-event.js';
import { outOfServiceMs } from './event-time.js';
import type { DevicePair, PairCount } from './fleet-pairs.js';
import type { SyslogReport } from './syslog-report.js';
import { formatDuration } from './window-duration.js';

export interface SyslogTableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
  /** The terminal's columns to fit, or null for the natural width (a pipe, a file). */
  readonly width: number | null;
}

/**
 * The fleet view for people: CUCM reason x phone reason with counts; with
 * `detail`, every device's pairs in time order; then what was read, and
 * the malformed lines kept (see MALFORMED_KEPT).
 */
export function* syslogTable(report: SyslogReport, options: SyslogTableOptions): Generator<string> {
  const { bold, red } = options.colour;
  const { width } = options;
  const fit = { width, heading: bold };
  const window = formatDuration(report.windowMs);
  yield `${fitText(bold(`CUCM reason × phone reason (paired per device within ${window})`), width)}\n`;
  yield report.pairs.length === 0
    ? 'No unregistration events.\n'
    : fitTable(PAIR_COLUMNS, report.pairs.map(pairCountRow), fit);
  if (options.detail && report.devicePairs.size > 0) {
    yield `${bold('Events by device')}\n`;
    yield fitTable(
      DEVICE_COLUMNS,
      Array.from(report.devicePairs, (pair) => devicePairRow(pair, report)),
      fit,
    );
  }
  const { lines, events, skipped, malformedTotal, malformed } = report.read;
  const cucm = report.order.filter((index) => report.store.source(index) === 'cucm').length;
  const malformedText = `${malformedTotal} malformed`;
  const readText = `Read: ${lines} lines, ${events} events (${cucm} CUCM, ${events - cucm} phone), ${skipped} other lines skipped, ${
    malformedTotal > 0 ? red(malformedText) : malformedText
  }`;
  yield `${fitText(readText, width)}\n`;
  if (malformedTotal > 0) {
    yield `\n${red(bold('Malformed lines'))}\n`;
    for (const entry of malformed)
      yield `${fitText(terminalSafe(`${entry.file}:${entry.line}: ${entry.message}`), width)}\n`;
    if (malformedTotal > malformed.length) yield `... and ${malformedTotal - malformed.length} more, not kept\n`;
  }
}

// On a narrow terminal, reasons and device names wrap inside their cells;
// times wrap between date and time of day (a space, not ISO's T, between them).
const PAIR_COLUMNS: ColumnSpec[] = [
  { header: 'CUCM code', align: 'right' },
  { header: 'CUCM reason', shrink: true, minWidth: 14 },
  { header: 'phone code', align: 'right' },
  { header: 'phone reason', shrink: true, minWidth: 14 },
  { header: 'devices', align: 'right' },
  { header: 'events', align: 'right' },
];
const DEVICE_COLUMNS: ColumnSpec[] = [
  { header: 'device', shrink: true, minWidth: 15 },
  { header: 'CUCM at', shrink: true, minWidth: 13 },
  { header: 'CUCM reason', shrink: true, minWidth: 12 },
  { header: 'phone out at', shrink: true, minWidth: 13 },
  { header: 'phone reason', shrink: true, minWidth: 12 },
  { header: 'apart (s)', align: 'right' },
];

function pairCountRow(pair: PairCount): string[] {
  return [
    code(pair.cucmReasonCode),
    pair.cucmReasonName,
    code(pair.phoneReasonCode),
    pair.phoneReasonName,
    String(pair.devices),
    String(pair.events),
  ];
}

function devicePairRow(pair: DevicePair, { store }: SyslogReport): string[] {
  const cucm = pair.cucm === null ? null : store.get(pair.cucm);
  const phone = pair.phone === null ? null : store.get(pair.phone);
  const phoneOut = phone === null ? null : outOfServiceMs(phone);
  return [
    pair.deviceName,
    shownTime(cucm?.time ?? ''),
    reason(cucm),
    phoneOut === null ? '' : shownTime(new Date(phoneOut).toISOString()),
    reason(phone),
    pair.apartSeconds === null ? '' : String(pair.apartSeconds),
  ];
}

/** An ISO 8601 time with a space for its T, so that a narrow column wraps it between date and time of day. */
function shownTime(iso: string): string {
  return iso.replace(/^(\d{4}-\d\d-\d\d)T/, '$1 ');
}

function reason(event: SyslogEvent | null): string {
  if (event === null) return '';
  return [code(event.reasonCode), event.reasonName ?? ''].filter((part) => part !== '').join(' ') || '?';
}

function code(value: number | null): string {
  return value === null ? '' : String(value);
}
