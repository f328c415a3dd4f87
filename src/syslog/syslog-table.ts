import tablePackage from 'table';
import type { Colour } from '../render/colour.js';
import { terminalSafe } from '../render/terminal-text.js';
import type { SyslogEvent } from '../report/syslog-event.js';
import { outOfServiceMs } from './event-time.js';
import type { DevicePair, PairCount } from './fleet-pairs.js';
import type { SyslogReport } from './syslog-report.js';
import { formatDuration } from './window-duration.js';

// `table` is CommonJS: destructure the default export.
const { table } = tablePackage;

export interface SyslogTableOptions {
  readonly detail: boolean;
  readonly colour: Colour;
}

/**
 * The fleet view for people: CUCM reason x phone reason with counts; with
 * `detail`, every device's pairs in time order; then what was read, and
 * the malformed lines kept (see MALFORMED_KEPT).
 */
export function* syslogTable(report: SyslogReport, options: SyslogTableOptions): Generator<string> {
  const { bold, red } = options.colour;
  const window = formatDuration(report.windowMs);
  yield `${bold(`CUCM reason × phone reason (paired per device within ${window})`)}\n`;
  yield report.pairs.length === 0
    ? 'No unregistration events.\n'
    : grid(options.colour, PAIR_HEADER, report.pairs.map(pairCountRow));
  if (options.detail && report.devicePairs.size > 0) {
    yield `${bold('Events by device')}\n`;
    yield grid(
      options.colour,
      DEVICE_HEADER,
      Array.from(report.devicePairs, (pair) => devicePairRow(pair, report)),
    );
  }
  const { lines, events, skipped, malformedTotal, malformed } = report.read;
  const cucm = report.order.filter((index) => report.store.source(index) === 'cucm').length;
  const malformedText = `${malformedTotal} malformed`;
  yield `Read: ${lines} lines, ${events} events (${cucm} CUCM, ${events - cucm} phone), ${skipped} other lines skipped, ${
    malformedTotal > 0 ? red(malformedText) : malformedText
  }\n`;
  if (malformedTotal > 0) {
    yield `\n${red(bold('Malformed lines'))}\n`;
    for (const entry of malformed) yield `${terminalSafe(`${entry.file}:${entry.line}: ${entry.message}`)}\n`;
    if (malformedTotal > malformed.length) yield `... and ${malformedTotal - malformed.length} more, not kept\n`;
  }
}

const PAIR_HEADER = ['CUCM code', 'CUCM reason', 'phone code', 'phone reason', 'devices', 'events'];
const DEVICE_HEADER = ['device', 'CUCM at', 'CUCM reason', 'phone out at', 'phone reason', 'apart (s)'];

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
    cucm?.time ?? '',
    reason(cucm),
    phoneOut === null ? '' : new Date(phoneOut).toISOString(),
    reason(phone),
    pair.apartSeconds === null ? '' : String(pair.apartSeconds),
  ];
}

function reason(event: SyslogEvent | null): string {
  if (event === null) return '';
  return [code(event.reasonCode), event.reasonName ?? ''].filter((part) => part !== '').join(' ') || '?';
}

function code(value: number | null): string {
  return value === null ? '' : String(value);
}

function grid(colour: Colour, header: string[], rows: string[][]): string {
  const data = [header.map(colour.bold), ...rows.map((row) => row.map(terminalSafe))];
  return table(data, { drawHorizontalLine: (line, count) => line <= 1 || line === count });
}
