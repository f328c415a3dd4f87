import { reasonLabel } from '../report/summary.js';
import { deviceKey, outOfServiceMs } from './event-time.js';
import { nullsLast, pairNearest } from './nearest-pairing.js';
import type { SyslogEvent } from './syslog-event.js';

/** One device's CUCM event and the phone event it pairs with; either may be missing. */
export interface DevicePair {
  readonly deviceName: string;
  readonly cucm: SyslogEvent | null;
  readonly phone: SyslogEvent | null;
  /** Seconds between the two events' out-of-service moments, when both are there. */
  readonly apartSeconds: number | null;
}

/** One row of the fleet view: how often a CUCM reason met a phone reason. */
export interface PairCount {
  readonly cucmReasonCode: number | null;
  readonly cucmReasonName: string;
  readonly phoneReasonCode: number | null;
  readonly phoneReasonName: string;
  /** Devices with at least one such pair. */
  readonly devices: number;
  /** Such pairs (a CUCM event with its phone event counts once). */
  readonly events: number;
}

export const NO_CUCM_EVENT = 'no CUCM event';
export const NO_PHONE_EVENT = 'no phone event';

/**
 * Per device (in device-name order), its CUCM events paired with its phone
 * events within `windowMs`, in time order. Every event is in exactly one pair.
 */
export function pairDeviceEvents(events: readonly SyslogEvent[], windowMs: number): DevicePair[] {
  const byDevice = new Map<string, { cucm: SyslogEvent[]; phone: SyslogEvent[] }>();
  for (const event of events) {
    const key = deviceKey(event.deviceName);
    let device = byDevice.get(key);
    if (device === undefined) {
      device = { cucm: [], phone: [] };
      byDevice.set(key, device);
    }
    device[event.source].push(event);
  }
  const pairs: DevicePair[] = [];
  for (const key of [...byDevice.keys()].sort()) {
    const device = byDevice.get(key) ?? { cucm: [], phone: [] };
    const timed = (event: SyslogEvent) => ({ item: event, at: outOfServiceMs(event) });
    for (const pairing of pairNearest(device.cucm.map(timed), device.phone.map(timed), windowMs)) {
      const deviceName = (pairing.left ?? pairing.right)?.deviceName ?? key;
      const apartSeconds = pairing.apartMs === null ? null : pairing.apartMs / 1000;
      pairs.push({ deviceName, cucm: pairing.left, phone: pairing.right, apartSeconds });
    }
  }
  return pairs;
}

/** The fleet view: pairs counted by (CUCM reason, phone reason), most devices first. */
export function countPairs(pairs: readonly DevicePair[]): PairCount[] {
  const counts = new Map<
    string,
    { row: Omit<PairCount, 'devices' | 'events'>; devices: Set<string>; events: number }
  >();
  for (const pair of pairs) {
    const row = {
      cucmReasonCode: pair.cucm?.reasonCode ?? null,
      cucmReasonName: sideName(pair.cucm, NO_CUCM_EVENT),
      phoneReasonCode: pair.phone?.reasonCode ?? null,
      phoneReasonName: sideName(pair.phone, NO_PHONE_EVENT),
    };
    const key = JSON.stringify(row);
    let count = counts.get(key);
    if (count === undefined) {
      count = { row, devices: new Set(), events: 0 };
      counts.set(key, count);
    }
    count.devices.add(deviceKey(pair.deviceName));
    count.events += 1;
  }
  return [...counts.values()]
    .map(({ row, devices, events }) => ({ ...row, devices: devices.size, events }))
    .sort(
      (a, b) =>
        b.devices - a.devices ||
        b.events - a.events ||
        nullsLast(a.cucmReasonCode, b.cucmReasonCode) ||
        nullsLast(a.phoneReasonCode, b.phoneReasonCode) ||
        a.cucmReasonName.localeCompare(b.cucmReasonName) ||
        a.phoneReasonName.localeCompare(b.phoneReasonName),
    );
}

function sideName(event: SyslogEvent | null, none: string): string {
  return event === null ? none : reasonLabel(event.reasonCode, event.reasonName);
}
