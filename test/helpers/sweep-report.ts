import assert from 'node:assert/strict';

/** The parts of a report entry (JSON format) the CLI tests look at. */
export interface ReportedAlarm {
  section: string;
  reasonCode: number | null;
  deviceName: string | null;
  timestamp: string | null;
  cucmEvent?: { alarm: string; deviceName: string; time: string | null } | null;
}
export interface ReportedPhone {
  host: string;
  port: number | null;
  name: string | null;
  status: string;
  error: { kind: string; message: string } | null;
  alarms: ReportedAlarm[];
  warnings: string[];
  cucmEvents?: { alarm: string; deviceName: string; time: string | null }[];
}
export interface ReportedDocument {
  phones: ReportedPhone[];
  summary: {
    phones: { total: number; ok: number; failed: number; skipped: number; withAlarms: number };
    skipped: { message: string; phones: number }[];
  };
}

/** What identifies an alarm, as the simulator's truth gives it. */
export function essentials(alarms: readonly ReportedAlarm[]) {
  return alarms.map(({ section, reasonCode, deviceName, timestamp }) => ({
    section,
    reasonCode,
    deviceName,
    timestamp,
  }));
}

/** The entry of `host`; fails the test when the report lacks it or has it twice. */
export function entryOf(phones: readonly ReportedPhone[], host: string): ReportedPhone {
  const found = phones.filter((phone) => phone.host === host);
  assert.equal(found.length, 1, `${host} appears once in the report`);
  return found[0] as ReportedPhone;
}

/** `ok`, or the error kind: what the simulator's truth calls `expected`. */
export function outcomeOf(phone: ReportedPhone): string {
  return phone.error?.kind ?? phone.status;
}
