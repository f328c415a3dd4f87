import type { ReasonCategory } from '../catalogue/categories.js';
import type { ErrorKind } from '../failure/error-kind.js';
import type { AlarmSection } from '../parser/parsed-alarm.js';
import type { SyslogEvent } from './syslog-event.js';

// The report document is a public contract (docs/report-formats.md): field
// names and types change only with schemaVersion.
export const SCHEMA_VERSION = 1;

/** Why a phone could not be read: the kinds and the rule that picks one are in failure/error-kind.ts. */
export type { ErrorKind };

export interface EntryError {
  readonly kind: ErrorKind;
  readonly message: string;
}

export interface ReportAlarm {
  readonly section: AlarmSection;
  readonly alarm: string;
  readonly deviceName: string | null;
  readonly model: string | null;
  readonly ipv4: string | null;
  readonly reasonCode: number | null;
  readonly reasonName: string | null;
  readonly reasonText: string | null;
  readonly category: ReasonCategory | null;
  readonly timestamp: string | null;
  readonly lastEventSent: string | null;
  readonly lastEventReceived: string | null;
  readonly params: Readonly<Record<string, string>>;
  /** With --cucm-syslog: the CUCM event this alarm pairs with, or null (docs/syslog.md). */
  readonly cucmEvent?: SyslogEvent | null;
}

/** One phone (or one parsed file): its alarms, or why it has none. */
export interface PhoneEntry {
  readonly host: string;
  readonly port: number | null;
  readonly name: string | null;
  readonly site: string | null;
  readonly tags: readonly string[];
  readonly status: 'ok' | 'failed';
  readonly error: EntryError | null;
  readonly durationMs: number;
  readonly alarms: readonly ReportAlarm[];
  readonly warnings: readonly string[];
  /** With --cucm-syslog: CUCM's events for this phone's device name, in time order (docs/syslog.md). */
  readonly cucmEvents?: readonly SyslogEvent[];
}

export interface ReasonCount {
  readonly code: number | null;
  readonly name: string;
  readonly phones: number;
  readonly alarms: number;
  readonly sent: number;
  readonly unsent: number;
}

export interface ReportSummary {
  readonly phones: { total: number; ok: number; failed: number; withAlarms: number };
  readonly reasons: readonly ReasonCount[];
}

export interface ReportDocument {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: 'unreg';
  readonly version: string;
  readonly generatedAt: string;
  readonly phones: readonly PhoneEntry[];
  readonly summary: ReportSummary;
}

/** Where a phone entry comes from: an inventory phone, a host, or a file. */
export interface EntryTarget {
  readonly host: string;
  readonly port: number | null;
  readonly name: string | null;
  readonly site: string | null;
  readonly tags: readonly string[];
}

/**
 * The document as every format receives it, streamed: a renderer (render/)
 * writes a report piece by piece, so a sweep can write each phone as it
 * finishes: `start()`, then `phone()` per entry, then `end()` with the summary.
 * Each returns the text to append (possibly empty).
 */
export interface ReportRenderer {
  start(): string;
  phone(entry: PhoneEntry): string;
  end(summary: ReportSummary): string;
}

/** What every renderer may need to know of the run: the document's own head fields. */
export type RenderContext = Pick<ReportDocument, 'version' | 'generatedAt'>;
