import type { PhoneEntry, ReportAlarm } from '../report/report-document.js';
import { deviceKey, isoToMs } from './event-time.js';
import { nullsLast, pairNearest } from './nearest-pairing.js';
import type { SyslogEvent } from './syslog-event.js';

/** CUCM's own events (EndPointUnregistered, DeviceUnregistered) by device name, in time order. */
export type CucmEventIndex = ReadonlyMap<string, readonly SyslogEvent[]>;

/**
 * Indexes the CUCM events read from syslog once, for joining with many
 * phones. The phone's LastOutOfServiceInformation relayed in syslog is left
 * out: a sweep has the phone's own alarms.
 */
export function indexCucmEvents(events: readonly SyslogEvent[]): CucmEventIndex {
  const index = new Map<string, SyslogEvent[]>();
  for (const event of events) {
    if (event.source !== 'cucm') continue;
    const key = deviceKey(event.deviceName);
    const list = index.get(key);
    if (list === undefined) index.set(key, [event]);
    else list.push(event);
  }
  for (const list of index.values()) list.sort((a, b) => nullsLast(isoToMs(a.time), isoToMs(b.time)));
  return index;
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
  if (entry.name !== null && index.has(deviceKey(entry.name))) keys.add(deviceKey(entry.name));
  const partners = new Map<ReportAlarm, SyslogEvent>();
  const cucmEvents: SyslogEvent[] = [];
  for (const key of keys) {
    const events = index.get(key) ?? [];
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
