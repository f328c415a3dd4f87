import type { SyslogEvent } from '../../src/report/syslog-event.js';
import { SyslogEventStore } from '../../src/syslog/event-store.js';

/** A syslog event as the reader would give it, for tests of what comes after reading. */
export function cucmEvent(
  deviceName: string,
  time: string | null,
  reasonCode: number | null,
  reasonName: string | null,
  line = 1,
): SyslogEvent {
  return {
    source: 'cucm',
    alarm: 'EndPointUnregistered',
    deviceName,
    reasonCode,
    reasonName,
    time,
    ipAddress: null,
    node: 'cucm1',
    file: 'CiscoSyslog',
    line,
    params: { DeviceName: deviceName, Reason: reasonCode === null ? '' : String(reasonCode) },
  };
}

/** The phone's alarm relayed by CUCM: logged at `time`, out of service since `timeStamp` (epoch seconds). */
export function phoneEvent(
  deviceName: string,
  time: string | null,
  timeStamp: string | undefined,
  reasonCode: number | null,
  reasonName: string | null,
  line = 1,
): SyslogEvent {
  const params: Record<string, string> = { DeviceName: deviceName, ReasonForOutOfService: String(reasonCode ?? '') };
  if (timeStamp !== undefined) params.TimeStamp = timeStamp;
  return {
    source: 'phone',
    alarm: 'LastOutOfServiceInformation',
    deviceName,
    reasonCode,
    reasonName,
    time,
    ipAddress: null,
    node: 'cucm2',
    file: 'CiscoSyslog',
    line,
    params,
  };
}

export const seconds = (iso: string) => String(Date.parse(iso) / 1000);

/** A store holding the given events, in order (the caller closes it). */
export function storeOf(events: Iterable<SyslogEvent>): SyslogEventStore {
  const store = new SyslogEventStore();
  for (const event of events) store.add(event);
  return store;
}
