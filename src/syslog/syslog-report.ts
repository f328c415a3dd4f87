import type { SyslogReadSummary } from '../report/syslog-event.js';
import type { SyslogEventStore } from './event-store.js';
import { compareText, countPairs, type DevicePairs, type PairCount, pairDeviceEvents } from './fleet-pairs.js';
import { nullsLast } from './nearest-pairing.js';
import type { SyslogReading } from './read-syslog.js';

export const SYSLOG_SCHEMA_VERSION = 1;

/** Everything `unreg syslog` reports, before it is rendered; the events stay in the store. */
export interface SyslogReport {
  readonly store: SyslogEventStore;
  /** Store indexes: per device (by name), in time order (unknown times last), then in input order. */
  readonly order: Int32Array;
  /** The same events paired per device. */
  readonly devicePairs: DevicePairs;
  readonly pairs: readonly PairCount[];
  readonly read: SyslogReadSummary;
  readonly windowMs: number;
}

export function buildSyslogReport(reading: SyslogReading, windowMs: number): SyslogReport {
  const { store } = reading;
  const order = Int32Array.from({ length: store.size }, (_, index) => index);
  // Events with the same device and time stay in input order.
  order.sort(
    (a, b) =>
      compareText(store.deviceSortKey(store.deviceId(a)), store.deviceSortKey(store.deviceId(b))) ||
      nullsLast(store.timeMs(a), store.timeMs(b)) ||
      a - b,
  );
  const devicePairs = pairDeviceEvents(store, windowMs);
  return { store, order, devicePairs, pairs: countPairs(store, devicePairs), read: reading.read, windowMs };
}
