import { DEFAULT_INCIDENT_SETTINGS } from '../../src/incidents/incident.js';
import { IncidentCollector } from '../../src/incidents/incident-collector.js';
import type { AlarmSection } from '../../src/parser/parsed-alarm.js';
import { decodeAlarm } from '../../src/report/decode-alarm.js';
import { failedEntry } from '../../src/report/phone-entry.js';
import type {
  EntryError,
  EntryTarget,
  PhoneEntry,
  ReportAlarm,
  ReportRenderer,
} from '../../src/report/report-document.js';
import { SummaryTally } from '../../src/report/summary.js';
import { seedParams } from '../parser/seed-alarm.js';

// Report entries built through the real decoding path, for renderer tests.

/** A decoded alarm: the seed's parameters with some replaced. */
export function sampleAlarm(changes: Record<string, string> = {}, section: AlarmSection = 'unsent'): ReportAlarm {
  return decodeAlarm({ section, name: 'LastOutOfServiceInformation', params: seedParams(changes) });
}

export function target(host: string, fields: Partial<EntryTarget> = {}): EntryTarget {
  return { host, port: 22, name: null, site: null, tags: [], ...fields };
}

export function okEntry(host: string, alarms: ReportAlarm[], fields: Partial<EntryTarget> = {}): PhoneEntry {
  return { ...target(host, fields), status: 'ok', error: null, durationMs: 12, alarms, warnings: [] };
}

export function failed(host: string, error: EntryError, fields: Partial<EntryTarget> = {}): PhoneEntry {
  return failedEntry(target(host, fields), error, 3000);
}

/** A whole report through one renderer, as the report writer would feed it. */
export function renderAll(renderer: ReportRenderer, entries: readonly PhoneEntry[]): string {
  const tally = new SummaryTally();
  const incidents = new IncidentCollector();
  let text = renderer.start();
  for (const entry of entries) {
    tally.add(entry);
    incidents.add(entry);
    text += renderer.phone(entry);
  }
  return text + renderer.end(tally.summary(), incidents.incidents(DEFAULT_INCIDENT_SETTINGS));
}
