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

/** Phones the credential breaker did not try, for one reason (the message names the credentials). */
export interface SkippedCount {
  readonly message: string;
  readonly phones: number;
}

export interface ReportSummary {
  /** `skipped` counts the failed phones of kind `skipped`: not tried at all. */
  readonly phones: { total: number; ok: number; failed: number; skipped: number; withAlarms: number };
  readonly reasons: readonly ReasonCount[];
  /** Why phones were skipped, most phones first; `[]` when none was. */
  readonly skipped: readonly SkippedCount[];
}

/** A scope phones can share (docs/report-formats.md, "incidents"). */
export type ScopeKind = 'switch' | 'subnet' | 'gateway' | 'vlan' | 'site' | 'cucm';

export interface IncidentSuspect {
  /** The narrowest scope nearly all of the incident's phones share; `none` when no scope is. */
  readonly kind: ScopeKind | 'none';
  /** The switch name, `10.2.2.0/24`, the gateway, VLAN id, site or CUCM node; null for `none`. */
  readonly value: string | null;
  /** How many of the incident's phones share it (0 for `none`). */
  readonly phones: number;
}

export interface IncidentReason {
  readonly code: number | null;
  readonly name: string;
  readonly alarms: number;
}

/** A burst: several phones of one scope losing registration within a short time. */
export interface Incident {
  /** 1, 2, ... in the order of `start`. */
  readonly id: number;
  /** The first alarm's time, ISO 8601 UTC. */
  readonly start: string;
  /** The last alarm's time. */
  readonly end: string;
  /** Distinct devices: the length of `devices`. */
  readonly phones: number;
  readonly alarms: number;
  /** Most alarms first. */
  readonly reasons: readonly IncidentReason[];
  readonly suspect: IncidentSuspect;
  /** Device names (or the host when an alarm names no device), in the order they dropped. */
  readonly devices: readonly string[];
}

/** What the table adds to an incident; not part of the JSON document. */
export interface FoundIncident {
  readonly incident: Incident;
  /** The phones this report saw in the suspect's scope (the "12" of "10 of its 12 phones"); null for `none`. */
  readonly suspectPopulation: number | null;
  /** Each device's switch and port (`NeighborDeviceID`, `NeighborPortID`), as its first alarm in the incident gave them. */
  readonly ports: readonly DevicePort[];
}

export interface DevicePort {
  readonly device: string;
  readonly switch: string | null;
  readonly port: string | null;
}

export interface ReportDocument {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: 'unreg';
  readonly version: string;
  readonly generatedAt: string;
  readonly phones: readonly PhoneEntry[];
  readonly summary: ReportSummary;
  /** Bursts of unregistrations sharing a scope, in the order they started. */
  readonly incidents: readonly Incident[];
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
 * finishes: `start()`, then `phone()` per entry, then `end()` with the summary
 * and the incidents (which need every alarm). Each returns the text to append
 * (possibly empty).
 */
export interface ReportRenderer {
  start(): string;
  phone(entry: PhoneEntry): string;
  end(summary: ReportSummary, incidents: readonly FoundIncident[]): string;
}

/** What every renderer may need to know of the run: the document's own head fields. */
export type RenderContext = Pick<ReportDocument, 'version' | 'generatedAt'>;
