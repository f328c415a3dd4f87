import type { PhoneEntry, ReportAlarm } from '../report/report-document.js';
import type { SyslogEvent } from '../report/syslog-event.js';
import type { SyslogEventStore } from './event-store.js';
import { deviceKey, isoToMs } from './event-time.js';
import { nullsLast, pairNearest } from './nearest-pairing.js';

/** Adds CUCM's side to one phone entry (`--cucm-syslog`). */
export type CucmJoiner = (entry: PhoneEntry) => PhoneEntry;

/**
 * The joiner of a syslog reading: its CUCM events indexed, then the store
 * closed (the index holds the events: the store's file is not needed for the joins).
 */
export function cucmJoiner(store: SyslogEventStore, windowMs: number): CucmJoiner {
  let index: CucmEventIndex;
  try {
    index = indexCucmEvents(store);
  } finally {
    store.close();
  }
  return (entry) => joinCucmEvents(entry, index, windowMs);
}

/** CUCM's own events (EndPointUnregistered, DeviceUnregistered) for a device name, in time order. */
export interface CucmEventIndex {
  eventsFor(deviceName: string): readonly SyslogEvent[];
}

/**
 * Indexes the CUCM events of a store once, for joining with many phones.
 * The index keeps each CUCM event as its JSON text (about 500 bytes,
 * parsed again when a phone asks), so the store can be closed as soon as it
 * is built: a sweep joins phones for as long as it runs, and nothing tells
 * the joiner when it is done. The phone's LastOutOfServiceInformation
 * relayed in syslog is left out: a sweep has the phone's own alarms.
 */
export function indexCucmEvents(store: SyslogEventStore): CucmEventIndex {
  const byDevice = new Map<number, number[]>();
  for (let index = 0; index < store.size; index += 1) {
    if (store.source(index) !== 'cucm') continue;
    const id = store.deviceId(index);
    const list = byDevice.get(id);
    if (list === undefined) byDevice.set(id, [index]);
    else list.push(index);
  }
  const textsByKey = new Map<string, string[]>();
  for (const [id, list] of byDevice) {
    list.sort((a, b) => nullsLast(store.timeMs(a), store.timeMs(b)));
    textsByKey.set(
      store.deviceSortKey(id),
      list.map((index) => store.json(index)),
    );
  }
  return {
    eventsFor(deviceName) {
      return (textsByKey.get(deviceKey(deviceName)) ?? []).map((text) => JSON.parse(text) as SyslogEvent);
    },
  };
}

/**
 * A phone's report entry with CUCM's side added (pure: the entry is not
 * changed). `cucmEvents`: every CUCM event for the device names of its
 * alarms (and for its inventory name, when CUCM logged a device by that
 * name: a phone that was power-cycled has no alarms left to name it).
 * Each alarm gets `cucmEvent`: the CUCM event it pairs with, nearest first,
 * one to one, within `windowMs` of the alarm's TimeStamp, else null.
 */
export function joinCucmEvents(entry: PhoneEntry, index: CucmEventIndex, windowMs: number): PhoneEntry {
  const keys = new Set<string>();
  for (const alarm of entry.alarms) if (alarm.deviceName !== null) keys.add(deviceKey(alarm.deviceName));
  if (entry.name !== null) keys.add(deviceKey(entry.name));
  const partners = new Map<ReportAlarm, SyslogEvent>();
  const cucmEvents: SyslogEvent[] = [];
  for (const key of keys) {
    const events = index.eventsFor(key);
    cucmEvents.push(...events);
    const alarms = entry.alarms.filter((alarm) => alarm.deviceName !== null && deviceKey(alarm.deviceName) === key);
    const pairings = pairNearest(
      alarms.map((alarm) => ({ item: alarm, at: isoToMs(alarm.timestamp) })),
      events.map((event) => ({ item: event, at: isoToMs(event.time) })),
      windowMs,
    );
    for (const { left, right } of pairings) if (left !== null && right !== null) partners.set(left, right);
  }
  cucmEvents.sort((a, b) => nullsLast(isoToMs(a.time), isoToMs(b.time)));
  return {
    ...entry,
    alarms: entry.alarms.map((alarm) => ({ ...alarm, cucmEvent: partners.get(alarm) ?? null })),
    cucmEvents,
  };
}
