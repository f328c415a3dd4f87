import { endpointUnregisteredReasonByCode } from '../catalogue/endpoint-unregistered-reasons.js';
import { outOfServiceReasonByCode } from '../catalogue/out-of-service-reasons.js';
import { epochToIso } from '../parser/epoch-time.js';
import { addressWithoutPrefix, parseReasonCode } from '../report/decode-alarm.js';
import type { EventSource, SyslogAlarmName, SyslogEvent } from '../report/syslog-event.js';
import { parseBracketParams } from './bracket-params.js';
import { type HeaderClock, parseHeaderTime } from './header-time.js';
import { parseLabelParams } from './label-params.js';

/** Where a line comes from, and how to place its header time. */
export interface LineContext {
  readonly file: string;
  readonly line: number;
  readonly clock: HeaderClock;
}

/** An event; or why a line that names one could not be read; or null for any other line. */
export type LineResult = { readonly event: SyslogEvent } | { readonly malformed: string } | null;

/** The names the byte scanner looks for before a line is decoded at all. */
export const ALARM_NAMES: readonly SyslogAlarmName[] = [
  'EndPointUnregistered',
  'LastOutOfServiceInformation',
  'DeviceUnregistered',
];

// `%UC_CALLMANAGER-3-EndPointUnregistered:`, `%UC_-6-LastOutOfServiceInformation:`,
// `%CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered:`: any facility, any severity.
const MARKER = new RegExp(`%([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)-([0-7])-(${ALARM_NAMES.join('|')}):`);

/** Where a line names an alarm: the alarm, its `%...-Name:` marker, the message after it. */
export interface AlarmMessage {
  readonly alarm: SyslogAlarmName;
  readonly markerStart: number;
  /** After the marker and the spaces that follow it. */
  readonly bodyStart: number;
}

export function alarmMessage(text: string): AlarmMessage | null {
  const marker = MARKER.exec(text);
  if (marker === null) return null;
  const bodyStart = skipSpaces(text, marker.index + marker[0].length);
  return { alarm: marker[3] as SyslogAlarmName, markerStart: marker.index, bodyStart };
}

/** Reads one syslog line (without its line break), or a message joined from its parts (message-parts.ts). */
export function parseEventLine(text: string, context: LineContext): LineResult {
  const message = alarmMessage(text);
  if (message === null) return null;
  const { alarm, markerStart, bodyStart } = message;
  let params: Record<string, string>;
  if (text.startsWith('%[', bodyStart)) {
    const result = parseBracketParams(text, bodyStart);
    if ('error' in result) return { malformed: `${alarm}: ${result.error}` };
    params = result.params;
  } else {
    params = parseLabelParams(text.slice(bodyStart));
    if (Object.keys(params).length === 0)
      return { malformed: `${alarm}: no %[Key=Value] list and no Label.:Value text` };
  }
  const deviceName = present(params.DeviceName ?? params['Device name']);
  if (deviceName === null) return { malformed: `${alarm}: no DeviceName` };
  const headerTime = parseHeaderTime(text.slice(0, markerStart), context.clock);
  const phone = alarm === 'LastOutOfServiceInformation';
  const reasonCode = parseReasonCode(phone ? params.ReasonForOutOfService : (params.Reason ?? params['Reason Code']));
  return {
    event: {
      source: phone ? 'phone' : 'cucm',
      alarm,
      deviceName,
      reasonCode,
      reasonName: reasonNameFor(phone ? 'phone' : 'cucm', reasonCode),
      time: headerTime === null ? epochToIso(params.TimeStamp ?? '') : new Date(headerTime).toISOString(),
      ipAddress: ipAddress(params),
      node: present(params.NodeID ?? params['Node ID']),
      file: context.file,
      line: context.line,
      params,
    },
  };
}

/**
 * The catalogue name of an event's reason code: the phone's
 * ReasonForOutOfService and CUCM's Reason are different code spaces.
 */
export function reasonNameFor(source: EventSource, code: number | null): string | null {
  if (code === null) return null;
  const reason = source === 'phone' ? outOfServiceReasonByCode(code) : endpointUnregisteredReasonByCode(code);
  return reason?.name ?? null;
}

function ipAddress(params: Readonly<Record<string, string>>): string | null {
  const v4 = params.IPAddress ?? params.DeviceIPv4Address ?? params['Device IP address'];
  return addressWithoutPrefix(v4) ?? addressWithoutPrefix(params.IPV6Address ?? params.DeviceIPv6Address);
}

function present(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function skipSpaces(text: string, from: number): number {
  let position = from;
  while (text[position] === ' ' || text[position] === '\t') position += 1;
  return position;
}
