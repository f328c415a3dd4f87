import type { PhoneEntry, ReasonCount, ReportSummary, SkippedCount } from './report-document.js';

interface ReasonTally {
  code: number | null;
  name: string;
  phones: number;
  alarms: number;
  sent: number;
  unsent: number;
}

/**
 * Keeps the report summary as phones finish, so a sweep never has to hold
 * every phone's entry to count them.
 */
export class SummaryTally {
  private total = 0;
  private ok = 0;
  private withAlarms = 0;
  private readonly reasons = new Map<number | null, ReasonTally>();
  /** Skipped phones by message: one wrong password leaves many unread for the same reason. */
  private readonly skipped = new Map<string, number>();

  add(entry: PhoneEntry): void {
    this.total += 1;
    if (entry.status === 'ok') this.ok += 1;
    if (entry.alarms.length > 0) this.withAlarms += 1;
    if (entry.error?.kind === 'skipped') {
      this.skipped.set(entry.error.message, (this.skipped.get(entry.error.message) ?? 0) + 1);
    }
    const seenOnThisPhone = new Set<number | null>();
    for (const alarm of entry.alarms) {
      const tally = this.tallyFor(alarm.reasonCode, alarm.reasonName);
      tally.alarms += 1;
      tally[alarm.section] += 1;
      if (!seenOnThisPhone.has(alarm.reasonCode)) {
        seenOnThisPhone.add(alarm.reasonCode);
        tally.phones += 1;
      }
    }
  }

  summary(): ReportSummary {
    const reasons: ReasonCount[] = [...this.reasons.values()].map((tally) => ({ ...tally })).sort(byMostPhones);
    const skipped: SkippedCount[] = [...this.skipped]
      .map(([message, phones]) => ({ message, phones }))
      .sort((a, b) => b.phones - a.phones);
    const skippedPhones = skipped.reduce((sum, reason) => sum + reason.phones, 0);
    return {
      phones: {
        total: this.total,
        ok: this.ok,
        failed: this.total - this.ok,
        skipped: skippedPhones,
        withAlarms: this.withAlarms,
      },
      reasons,
      skipped,
    };
  }

  private tallyFor(code: number | null, name: string | null): ReasonTally {
    let tally = this.reasons.get(code);
    if (tally === undefined) {
      tally = { code, name: reasonLabel(code, name), phones: 0, alarms: 0, sent: 0, unsent: 0 };
      this.reasons.set(code, tally);
    }
    return tally;
  }
}

/** The summary's name for a code: the catalogue name, or what is known of it. */
export function reasonLabel(code: number | null, name: string | null): string {
  if (name !== null) return name;
  return code === null ? 'unknown (no reason given)' : `unknown code ${code}`;
}

function byMostPhones(a: ReasonCount, b: ReasonCount): number {
  return b.phones - a.phones || b.alarms - a.alarms || (a.code ?? Infinity) - (b.code ?? Infinity);
}
