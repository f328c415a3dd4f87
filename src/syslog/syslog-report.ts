import { deviceKey } from './event-time.js';
import { countPairs, type DevicePair, type PairCount, pairDeviceEvents } from './fleet-pairs.js';
import type { SyslogReading } from './read-syslog.js';
import type { SyslogEvent, SyslogReadSummary } from './syslog-event.js';

export const SYSLOG_SCHEMA_VERSION = 1;

/** Everything `unreg syslog` reports, before it is rendered. */
export interface SyslogReport {
  /** Per device (by name), in time order (unknown times last), then by file and line. */
  readonly events: readonly SyslogEvent[];
  /** The same events paired per device, in the same order. */
  readonly devicePairs: readonly DevicePair[];
  readonly pairs: readonly PairCount[];
  readonly read: SyslogReadSummary;
  readonly windowMs: number;
}

export function buildSyslogReport(reading: SyslogReading, windowMs: number): SyslogReport {
  const keyed = reading.events.map((event) => ({ key: deviceKey(event.deviceName), event }));
  // Stable: events with the same device and time stay in input order.
  keyed.sort((a, b) => compareText(a.key, b.key) || compareTime(a.event.time, b.event.time));
  const devicePairs = pairDeviceEvents(reading.events, windowMs);
  return {
    events: keyed.map(({ event }) => event),
    devicePairs,
    pairs: countPairs(devicePairs),
    read: reading.read,
    windowMs,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ISO times from toISOString() sort as text; unknown times go last.
function compareTime(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a, b);
}
