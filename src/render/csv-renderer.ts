import { stringify } from 'csv-stringify/sync';
import type { PhoneEntry, ReportAlarm, ReportRenderer } from '../report/report-document.js';

// Public contract: column names and order (docs/report-formats.md).
export const CSV_COLUMNS = [
  'host',
  'port',
  'name',
  'site',
  'status',
  'error_kind',
  'error_message',
  'section',
  'alarm',
  'device_name',
  'model',
  'reason_code',
  'reason_name',
  'timestamp',
  'ipv4',
  'last_event_sent',
  'last_event_received',
] as const;

/** One row per alarm; a phone with no alarm (or failed) gets one row of its own. */
export class CsvRenderer implements ReportRenderer {
  start(): string {
    return csvRecords([[...CSV_COLUMNS]]);
  }

  phone(entry: PhoneEntry): string {
    const phone = phoneCells(entry);
    const rows =
      entry.alarms.length === 0 ? [[...phone, ...EMPTY_ALARM]] : entry.alarms.map((a) => [...phone, ...alarmCells(a)]);
    return csvRecords(rows);
  }

  end(): string {
    return '';
  }
}

const EMPTY_ALARM: CsvCell[] = Array.from({ length: CSV_COLUMNS.length - 7 }, () => null);

function phoneCells(entry: PhoneEntry): CsvCell[] {
  return [
    text(entry.host),
    entry.port,
    text(entry.name),
    text(entry.site),
    entry.status,
    text(entry.error?.kind),
    text(entry.error?.message),
  ];
}

function alarmCells(alarm: ReportAlarm): CsvCell[] {
  return [
    alarm.section,
    text(alarm.alarm),
    text(alarm.deviceName),
    text(alarm.model),
    alarm.reasonCode,
    text(alarm.reasonName),
    alarm.timestamp,
    text(alarm.ipv4),
    text(alarm.lastEventSent),
    text(alarm.lastEventReceived),
  ];
}

function text(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : neutraliseFormula(value);
}

/** A CSV cell: text, a number (written as is), or empty. */
export type CsvCell = string | number | null;

/**
 * RFC 4180 records: CRLF line ends, a cell quoted when it holds a comma, a
 * quote or any line break. csv-stringify stops quoting lone CR and LF once a
 * record delimiter is given (`quote_record_delimiter` then defaults to
 * false), which would split a record in two: ask for it explicitly.
 */
export function csvRecords(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { record_delimiter: 'windows', quote_record_delimiter: true },
  );
}

// OWASP CSV injection: a cell starting with one of these is read by
// spreadsheets as a formula (LF too: some read a formula after a leading
// line break). The full-width forms are there because Apple Numbers folds
// them to the ASCII ones.
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

/**
 * A text cell that a spreadsheet shows as text: a leading formula character
 * gets a single quote in front. Only for text columns: numbers stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
