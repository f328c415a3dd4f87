import { entryOf } from '../../src/incidents/map-entry.js';
import { decodeAlarm } from '../../src/report/decode-alarm.js';
import type { PhoneEntry, ReportAlarm } from '../../src/report/report-document.js';
import { seededRandom } from '../../src/simulator/alarm-generator.js';

// A large fleet's alarms without SSH, for the grouping's property tests and
// its benchmark: 24 phones per access switch, 240 per /24 subnet, 2,000 per
// site, subnets spread over three CUCM nodes (so a node spans every site).

export const PHONES_PER_SWITCH = 24;
const PHONES_PER_SUBNET = 240;
const PHONES_PER_SITE = 2000;
export const NODES = ['cucm-sub1', 'cucm-sub2', 'cucm-sub3'];
const START_MS = Date.parse('2026-10-21T00:00:00Z');
export const THIRTY_DAYS_MS = 30 * 86_400_000;

export interface SyntheticPhone {
  readonly index: number;
  readonly device: string;
  readonly switch: string;
  readonly port: string;
  readonly subnet: string;
  readonly address: string;
  readonly gateway: string;
  readonly site: string;
  readonly node: string;
}

export function syntheticPhone(index: number): SyntheticPhone {
  const subnet = Math.floor(index / PHONES_PER_SUBNET);
  const prefix = `10.${20 + (subnet >> 8)}.${subnet & 255}`;
  return {
    index,
    device: `SEP${index.toString(16).toUpperCase().padStart(12, '0')}`,
    switch: `sw-${Math.floor(index / PHONES_PER_SWITCH) + 1}`,
    port: `GigabitEthernet1/0/${(index % PHONES_PER_SWITCH) + 1}`,
    subnet: `${prefix}.0/24`,
    address: `${prefix}.${(index % PHONES_PER_SUBNET) + 1}/24`,
    gateway: `${prefix}.254`,
    site: `site-${Math.floor(index / PHONES_PER_SITE) + 1}`,
    node: NODES[subnet % NODES.length] ?? 'cucm-sub1',
  };
}

export interface AlarmAt {
  readonly time: number;
  readonly code: number;
}

export function syntheticAlarm(phone: SyntheticPhone, at: AlarmAt, changes: Record<string, string> = {}): ReportAlarm {
  return decodeAlarm({
    section: 'sent',
    name: 'LastOutOfServiceInformation',
    params: {
      DeviceName: phone.device,
      DeviceIPv4Address: phone.address,
      IPv4DefaultGateway: phone.gateway,
      NeighborDeviceID: phone.switch,
      NeighborPortID: phone.port,
      VoiceVLAN: '',
      UnifiedCMIPAddress: phone.node,
      TimeStamp: String(at.time),
      ReasonForOutOfService: String(at.code),
      ...changes,
    },
  });
}

export function syntheticEntry(phone: SyntheticPhone, alarms: readonly ReportAlarm[]): PhoneEntry {
  return {
    host: `phone-${phone.index}`,
    port: 22,
    name: phone.device,
    site: phone.site,
    tags: [],
    status: 'ok',
    error: null,
    durationMs: 1,
    alarms,
    warnings: [],
  };
}

const BACKGROUND_CODES = [10, 104, 20, 32, 107, 22];

/**
 * `alarms` alarms at uniformly random times over 30 days on uniformly random
 * phones of a `phones`-phone fleet: the background of a busy fleet, with no
 * burst in it. Returns each phone's alarm times (phones without any are left out).
 */
export function randomBackground(phones: number, alarms: number, seed: number): Map<number, AlarmAt[]> {
  const random = seededRandom(seed);
  const byPhone = new Map<number, AlarmAt[]>();
  for (let count = 0; count < alarms; count++) {
    const index = Math.floor(random() * phones);
    const at = {
      time: START_MS + Math.floor(random() * THIRTY_DAYS_MS),
      code: BACKGROUND_CODES[Math.floor(random() * BACKGROUND_CODES.length)] ?? 10,
    };
    const list = entryOf(byPhone, index, () => []);
    list.push(at);
  }
  return byPhone;
}

/** A moment well inside the background's 30 days, `dayOffset` days in. */
export function dayAt(dayOffset: number): number {
  return START_MS + dayOffset * 86_400_000;
}

/** Adds a burst: each phone drops once within `spreadMs` after `start` (seeded). */
export function addBurst(
  byPhone: Map<number, AlarmAt[]>,
  phoneIndices: readonly number[],
  start: number,
  spreadMs: number,
  code: number,
  seed: number,
): void {
  const random = seededRandom(seed);
  for (const index of phoneIndices) {
    const list = entryOf(byPhone, index, () => []);
    list.push({ time: start + Math.floor(random() * spreadMs), code });
  }
}

/** Every phone of the fleet as a report entry (those without alarms too). */
export function fleetEntries(phones: number, byPhone: ReadonlyMap<number, readonly AlarmAt[]>): PhoneEntry[] {
  return Array.from({ length: phones }, (_, index) => {
    const phone = syntheticPhone(index);
    return syntheticEntry(
      phone,
      (byPhone.get(index) ?? []).map((at) => syntheticAlarm(phone, at)),
    );
  });
}

/** The phones on one switch / of one subnet / of one node, by index. */
export function phonesWhere(phones: number, keep: (phone: SyntheticPhone) => boolean): number[] {
  return Array.from({ length: phones }, (_, index) => index).filter((index) => keep(syntheticPhone(index)));
}
