import { outOfServiceReasonByCode } from '../catalogue/out-of-service-reasons.js';
import { epochToIso } from '../parser/epoch-time.js';
import type { ParsedAlarm } from '../parser/parsed-alarm.js';
import type { ReportAlarm } from './report-document.js';

/** Adds the catalogue's reading to an alarm as the phone sent it. */
export function decodeAlarm(alarm: ParsedAlarm): ReportAlarm {
  const { params } = alarm;
  const reasonCode = parseReasonCode(params.ReasonForOutOfService);
  const reason = reasonCode === null ? undefined : outOfServiceReasonByCode(reasonCode);
  return {
    section: alarm.section,
    alarm: alarm.name,
    deviceName: nonEmpty(params.DeviceName),
    model: nonEmpty(params.ModelNumber),
    ipv4: addressWithoutPrefix(params.DeviceIPv4Address),
    reasonCode,
    reasonName: reason?.name ?? null,
    reasonText: reason?.meaning ?? null,
    category: reason?.category ?? null,
    timestamp: epochToIso(params.TimeStamp ?? ''),
    lastEventSent: nonEmpty(params.LastProtocolEventSent),
    lastEventReceived: nonEmpty(params.LastProtocolEventReceived),
    params,
  };
}

/** An empty or non-numeric ReasonForOutOfService means "unknown", never 0. */
export function parseReasonCode(value: string | undefined): number | null {
  const text = value?.trim() ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

function nonEmpty(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

/** "192.168.1.37/24" (XML form) or "192.168.1.37 / 0" (syslog form) to the address. */
export function addressWithoutPrefix(value: string | undefined): string | null {
  return nonEmpty(value?.split('/')[0]);
}
