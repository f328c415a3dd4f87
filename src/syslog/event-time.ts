import { epochToIso } from '../parser/epoch-time.js';
import type { SyslogEvent } from '../report/syslog-event.js';

/** An ISO time as epoch ms, or null. */
export function isoToMs(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The moment an event says the device went out of service, used to pair
 * events. CUCM's alarms are logged when CUCM notices: their `time`. The
 * phone's LastOutOfServiceInformation is logged only once the phone is back
 * (minutes or hours later); its TimeStamp says when it went out, so that is
 * used when it is there.
 */
export function outOfServiceMs(event: SyslogEvent): number | null {
  if (event.source === 'phone') {
    const stamp = isoToMs(epochToIso(event.params.TimeStamp ?? ''));
    if (stamp !== null) return stamp;
  }
  return isoToMs(event.time);
}

/** Device names match whatever their letter case (SEP names are hex). */
export function deviceKey(name: string): string {
  return name.trim().toUpperCase();
}
