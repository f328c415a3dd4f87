import type { PhoneEntry, ReportAlarm } from '../report/report-document.js';
import { type CsvCell, csvRecords } from './csv-records.js';
import type { ReportRenderer } from './renderer.js';
import { neutraliseFormula } from './spreadsheet-cell.js';

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
