import { reasonLabel } from '../report/summary.js';
import { reasonNameFor } from './event-line.js';
import type { SyslogEventStore } from './event-store.js';
import { deviceKey } from './event-time.js';
import { nullsLast, pairNearest } from './nearest-pairing.js';
import { float64Column, int32Column } from './number-column.js';

/** One device's CUCM event and the phone event it pairs with (indexes in the store); either may be missing. */
export interface DevicePair {
  readonly deviceName: string;
  readonly cucm: number | null;
  readonly phone: number | null;
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

/**
 * The device pairs, kept as columns of numbers (a few bytes a pair, not an
 * object each: memory must not grow much with the events); `at` gives one
 * as an object, and iterating gives them all in order.
 */
export class DevicePairs implements Iterable<DevicePair> {
  private readonly devices = int32Column();
  private readonly cucm = int32Column();
  private readonly phone = int32Column();
  private readonly apartMs = float64Column();

  constructor(private readonly store: SyslogEventStore) {}

  get size(): number {
    return this.devices.length;
  }

  push(deviceId: number, cucm: number | null, phone: number | null, apartMs: number | null): void {
    this.cucm.push(cucm ?? -1);
    this.phone.push(phone ?? -1);
    this.apartMs.push(apartMs ?? Number.NaN);
    this.devices.push(deviceId);
  }

  at(index: number): DevicePair {
    const cucm = this.cucm.at(index);
    const phone = this.phone.at(index);
    const apartMs = this.apartMs.at(index);
    return {
      deviceName: this.store.deviceName(this.devices.at(index)),
      cucm: cucm < 0 ? null : cucm,
      phone: phone < 0 ? null : phone,
      apartSeconds: Number.isNaN(apartMs) ? null : apartMs / 1000,
    };
  }

  *[Symbol.iterator](): Iterator<DevicePair> {
    for (let index = 0; index < this.size; index += 1) yield this.at(index);
  }
}

export const NO_CUCM_EVENT = 'no CUCM event';
export const NO_PHONE_EVENT = 'no phone event';

/**
 * Per device (in device-name order), its CUCM events paired with its phone
 * events within `windowMs`, in time order. Every event is in exactly one pair.
 */
export function pairDeviceEvents(store: SyslogEventStore, windowMs: number): DevicePairs {
  const byDevice = new Map<number, { cucm: number[]; phone: number[] }>();
  for (let index = 0; index < store.size; index += 1) {
    const id = store.deviceId(index);
    let device = byDevice.get(id);
    if (device === undefined) {
      device = { cucm: [], phone: [] };
      byDevice.set(id, device);
    }
    device[store.source(index)].push(index);
  }
  const ids = [...byDevice.keys()].sort((a, b) => compareText(store.deviceSortKey(a), store.deviceSortKey(b)));
  const timed = (index: number) => ({ item: index, at: store.outOfServiceMs(index) });
  const pairs = new DevicePairs(store);
  for (const id of ids) {
    const device = byDevice.get(id) ?? { cucm: [], phone: [] };
    for (const pairing of pairNearest(device.cucm.map(timed), device.phone.map(timed), windowMs)) {
      pairs.push(id, pairing.left, pairing.right, pairing.apartMs);
    }
  }
  return pairs;
}

/** The fleet view: pairs counted by (CUCM reason, phone reason), most devices first. */
export function countPairs(store: SyslogEventStore, pairs: Iterable<DevicePair>): PairCount[] {
  const counts = new Map<
    string,
    { row: Omit<PairCount, 'devices' | 'events'>; devices: Set<string>; events: number }
  >();
  for (const pair of pairs) {
    const cucmCode = pair.cucm === null ? null : store.reasonCode(pair.cucm);
    const phoneCode = pair.phone === null ? null : store.reasonCode(pair.phone);
    const row = {
      cucmReasonCode: cucmCode,
      cucmReasonName: pair.cucm === null ? NO_CUCM_EVENT : reasonLabel(cucmCode, reasonNameFor('cucm', cucmCode)),
      phoneReasonCode: phoneCode,
      phoneReasonName: pair.phone === null ? NO_PHONE_EVENT : reasonLabel(phoneCode, reasonNameFor('phone', phoneCode)),
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
        compareText(a.cucmReasonName, b.cucmReasonName) ||
        compareText(a.phoneReasonName, b.phoneReasonName),
    );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
