import type { ErrorKind, PhoneEntry, ReportAlarm } from '../../report/report-document.js';
import { reasonLabel } from '../../report/summary.js';
import { alarmParameters } from '../alarm-parameters.js';
import { CATEGORY_STYLES, categoryIndex } from './category-colours.js';
import { StringTable } from './string-table.js';

/** One line of the phones table. */
export interface PhoneRow {
  /** host, or host:port when the port is not 22. */
  readonly host: string;
  readonly name: string | null;
  readonly site: string | null;
  readonly model: string | null;
  readonly errorKind: ErrorKind | null;
  /** The latest alarm's reason, "10 TCPtimeOut". */
  readonly lastReason: string | null;
  /** Index in CATEGORY_STYLES of the latest alarm's reason; -1 without alarms. */
  readonly lastCategory: number;
  readonly lastAlarm: string | null;
  readonly alarms: number;
}

export interface FailedPhone {
  readonly host: string;
  readonly name: string | null;
  readonly site: string | null;
  readonly kind: ErrorKind;
  readonly message: string;
}

export interface SiteTally {
  phones: number;
  failed: number;
  /** Per CATEGORY_STYLES index: phones with at least one alarm of that category. */
  readonly phonesByCategory: number[];
}

/**
 * What the page needs of a report, kept as phones arrive (the renderer
 * writes the page only at the end): table rows, failures, every alarm's
 * time and category for the timeline, per-site tallies, and each phone's
 * alarms in the compact form the page's script expands (strings once, in
 * a table, everything else numbers).
 */
export class PageData {
  readonly rows: PhoneRow[] = [];
  readonly failed: FailedPhone[] = [];
  /** Epoch milliseconds and category index of every alarm that has a time. */
  readonly alarmTimes: number[] = [];
  readonly alarmCategories: number[] = [];
  untimedAlarms = 0;
  readonly sites = new Map<string, SiteTally>();
  readonly strings = new StringTable();
  /**
   * Per phone: [error message, [warnings], [alarms]], strings as string-table
   * numbers (-1: none). An alarm: [0 sent / 1 unsent, epoch ms or null,
   * reason, category index, reason's meaning, device name, parameter-name
   * list number, [parameter values]] (read by page-script's alarmBlock).
   */
  readonly details: unknown[] = [];
  /** Lists of parameter names, as string-table numbers. */
  readonly keyLists: (readonly number[])[] = [];
  private readonly keyListIndexes = new Map<string, number>();

  add(entry: PhoneEntry): void {
    const host = entry.port === null || entry.port === 22 ? entry.host : `${entry.host}:${entry.port}`;
    const latest = latestAlarm(entry.alarms);
    this.rows.push({
      host,
      name: entry.name,
      site: entry.site,
      model: latest?.model ?? null,
      errorKind: entry.error?.kind ?? null,
      lastReason: latest === undefined ? null : reasonText(latest),
      lastCategory: latest === undefined ? -1 : categoryIndex(latest.category),
      lastAlarm: latest?.timestamp ?? null,
      alarms: entry.alarms.length,
    });
    if (entry.error !== null) {
      this.failed.push({ host, name: entry.name, site: entry.site, ...entry.error });
    }
    for (const alarm of entry.alarms) {
      if (alarm.timestamp === null) this.untimedAlarms += 1;
      else {
        this.alarmTimes.push(Date.parse(alarm.timestamp));
        this.alarmCategories.push(categoryIndex(alarm.category));
      }
    }
    if (entry.site !== null) this.tallySite(entry);
    const strings = this.strings;
    this.details.push([
      strings.index(entry.error?.message ?? null),
      entry.warnings.map((warning) => strings.index(warning)),
      entry.alarms.map((alarm) => this.compactAlarm(alarm)),
    ]);
  }

  private compactAlarm(alarm: ReportAlarm): unknown[] {
    const strings = this.strings;
    const parameters = alarmParameters(alarm);
    return [
      alarm.section === 'sent' ? 0 : 1,
      alarm.timestamp === null ? null : Date.parse(alarm.timestamp),
      strings.index(reasonText(alarm)),
      categoryIndex(alarm.category),
      strings.index(alarm.reasonText),
      strings.index(alarm.deviceName),
      this.keyList(parameters.map(([name]) => strings.index(name))),
      parameters.map(([, value]) => strings.index(value)),
    ];
  }

  /** The number of a list of parameter names: a fleet's alarms share a handful of such lists. */
  private keyList(names: readonly number[]): number {
    const key = names.join(',');
    let index = this.keyListIndexes.get(key);
    if (index === undefined) {
      index = this.keyLists.length;
      this.keyLists.push(names);
      this.keyListIndexes.set(key, index);
    }
    return index;
  }

  private tallySite(entry: PhoneEntry): void {
    const site = entry.site ?? '';
    let tally = this.sites.get(site);
    if (tally === undefined) {
      tally = { phones: 0, failed: 0, phonesByCategory: CATEGORY_STYLES.map(() => 0) };
      this.sites.set(site, tally);
    }
    tally.phones += 1;
    if (entry.status === 'failed') tally.failed += 1;
    for (const index of new Set(entry.alarms.map((alarm) => categoryIndex(alarm.category)))) {
      tally.phonesByCategory[index] = (tally.phonesByCategory[index] ?? 0) + 1;
    }
  }
}

/** The alarm with the latest time; without times, the last one listed. */
function latestAlarm(alarms: readonly ReportAlarm[]): ReportAlarm | undefined {
  let latest = alarms.at(-1);
  for (const alarm of alarms) {
    if (alarm.timestamp !== null && (latest?.timestamp ?? '') < alarm.timestamp) latest = alarm;
  }
  return latest;
}

/** "10 TCPtimeOut", "unknown code 99", "unknown (no reason given)". */
export function reasonText(alarm: Pick<ReportAlarm, 'reasonCode' | 'reasonName'>): string {
  const label = reasonLabel(alarm.reasonCode, alarm.reasonName);
  return alarm.reasonCode !== null && alarm.reasonName !== null ? `${alarm.reasonCode} ${label}` : label;
}
