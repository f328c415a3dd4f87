import type { FoundIncident, PhoneEntry } from '../report/report-document.js';
import { type AlarmRecord, alarmRecords } from './alarm-record.js';
import { groupIncidents } from './group-incidents.js';
import type { IncidentSettings } from './incident.js';
import { entryOf } from './map-entry.js';

/**
 * Keeps what incidents need as phones finish: one compact record per
 * distinct alarm (never the entries), and each site's phone count. An alarm
 * met twice (the same phone listing it twice, or two saved reports of the
 * same fleet) is kept once: same device, time and reason.
 */
export class IncidentCollector {
  private readonly records: AlarmRecord[] = [];
  private readonly seen = new Set<string>();
  private readonly strings = new Map<string, string>();
  private readonly sitePhones = new Map<string, Set<string>>();

  add(entry: PhoneEntry): void {
    if (entry.site !== null) {
      const site = this.intern(entry.site);
      const phones = entryOf(this.sitePhones, site, () => new Set());
      phones.add(this.intern(entry.name ?? entry.host));
    }
    for (const record of alarmRecords(entry, (text) => this.intern(text))) {
      const key = `${record.device}\u0000${record.time}\u0000${record.reasonCode}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.records.push(record);
    }
  }

  /** Alarms kept (each distinct alarm once). */
  get alarms(): number {
    return this.records.length;
  }

  incidents(settings: IncidentSettings): FoundIncident[] {
    const sitePhones = new Map([...this.sitePhones].map(([site, phones]) => [site, phones.size]));
    return groupIncidents(this.records, settings, sitePhones);
  }

  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }
}
