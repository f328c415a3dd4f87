import { epochToIso } from '../parser/epoch-time.js';
import { type CsvCell, csvRecords, neutraliseFormula } from '../render/csv-renderer.js';
import type { SyslogEvent } from '../report/syslog-event.js';
import type { DevicePair } from './fleet-pairs.js';
import type { SyslogReport } from './syslog-report.js';

// Public contract: column names and order (docs/syslog.md).
export const SYSLOG_CSV_COLUMNS = [
  'device_name',
  'cucm_alarm',
  'cucm_time',
  'cucm_reason_code',
  'cucm_reason_name',
  'cucm_ip_address',
  'cucm_node',
  'cucm_file',
  'cucm_line',
  'phone_time',
  'phone_timestamp',
  'phone_reason_code',
  'phone_reason_name',
  'phone_ip_address',
  'phone_node',
  'phone_file',
  'phone_line',
  'seconds_apart',
] as const;

/** One row per device pair: every event is on exactly one row. */
export function* syslogCsv(report: SyslogReport): Generator<string> {
  yield csvRecords([[...SYSLOG_CSV_COLUMNS]]);
  // A piece per row: the command gathers pieces into larger writes.
  for (const pair of report.devicePairs) yield csvRecords([pairRow(pair, report)]);
}

function pairRow(pair: DevicePair, { store }: SyslogReport): CsvCell[] {
  const cucm = pair.cucm === null ? null : store.get(pair.cucm);
  const phone = pair.phone === null ? null : store.get(pair.phone);
  return [
    text(pair.deviceName),
    cucm?.alarm ?? null,
    cucm?.time ?? null,
    ...eventCells(cucm),
    phone?.time ?? null,
    phone === null ? null : epochToIso(phone.params.TimeStamp ?? ''),
    ...eventCells(phone),
    pair.apartSeconds,
  ];
}

function eventCells(event: SyslogEvent | null): CsvCell[] {
  if (event === null) return [null, null, null, null, null, null];
  return [
    event.reasonCode,
    text(event.reasonName),
    text(event.ipAddress),
    text(event.node),
    text(event.file),
    event.line,
  ];
}

function text(value: string | null): string | null {
  return value === null ? null : neutraliseFormula(value);
}
