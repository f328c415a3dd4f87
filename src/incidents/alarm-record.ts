import type { PhoneEntry, ReportAlarm } from '../report/report-document.js';
import { reasonLabel } from '../report/summary.js';
import { SCOPE_KINDS } from './incident.js';

/**
 * What grouping needs of one alarm, and nothing more: a sweep of 10,000
 * phones keeps these (not the entries) until the end of the report.
 */
export interface AlarmRecord {
  readonly device: string;
  /** Epoch ms. */
  readonly time: number;
  readonly reasonCode: number | null;
  readonly reasonName: string;
  readonly port: string | null;
  /** The alarm's value for each scope, in SCOPE_KINDS order; null when unknown. */
  readonly scopes: readonly (string | null)[];
}

/**
 * The records of an entry's alarms; an alarm without a time cannot be placed
 * in a burst and is left out. `intern` lets repeated values share one string.
 */
export function alarmRecords(entry: PhoneEntry, intern: (text: string) => string = (text) => text): AlarmRecord[] {
  const records: AlarmRecord[] = [];
  for (const alarm of entry.alarms) {
    const time = alarm.timestamp === null ? Number.NaN : Date.parse(alarm.timestamp);
    if (Number.isNaN(time)) continue;
    const { reasonCode, reasonName, params } = alarm;
    const device = alarm.deviceName ?? entry.name ?? entry.host;
    records.push(alarmRecord({ device, time, reasonCode, reasonName, params }, entry.site, intern));
  }
  return records;
}

/** What an alarm with a time says for grouping: from a phone entry, or as the history stores it. */
export interface TimedAlarm {
  readonly device: string;
  readonly time: number;
  readonly reasonCode: number | null;
  readonly reasonName: string | null;
  readonly params: ReportAlarm['params'];
}

export function alarmRecord(
  alarm: TimedAlarm,
  site: string | null,
  intern: (text: string) => string = (text) => text,
): AlarmRecord {
  return {
    device: intern(alarm.device),
    time: alarm.time,
    reasonCode: alarm.reasonCode,
    reasonName: intern(reasonLabel(alarm.reasonCode, alarm.reasonName)),
    port: optional(alarm.params.NeighborPortID, intern),
    scopes: scopeValues(alarm.params, site).map((value) => (value === null ? null : intern(value))),
  };
}

function scopeValues(params: ReportAlarm['params'], site: string | null): (string | null)[] {
  const values: Record<(typeof SCOPE_KINDS)[number], string | null> = {
    switch: optional(params.NeighborDeviceID),
    subnet: ipv4Subnet(params.DeviceIPv4Address ?? ''),
    gateway: optional(params.IPv4DefaultGateway),
    vlan: optional(params.VoiceVLAN),
    site: site === null || site.trim() === '' ? null : site,
    cucm: optional(params.UnifiedCMIPAddress),
  };
  return SCOPE_KINDS.map((kind) => values[kind]);
}

/** Empty means unknown: never a value phones share. */
function optional(value: string | undefined, intern: (text: string) => string = (text) => text): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : intern(text);
}

/**
 * `10.2.2.37/24` to its network, `10.2.2.0/24`; null without a prefix
 * length (the subnet is unknown) or for anything that is not IPv4.
 */
export function ipv4Subnet(address: string): string | null {
  const match = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*\/\s*(\d{1,2})\s*$/.exec(address);
  if (match === null) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix < 1 || prefix > 32) return null;
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(value / size) * size;
  const parts = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return `${parts.join('.')}/${prefix}`;
}
