import { OUT_OF_SERVICE_REASONS } from '../catalogue/out-of-service-reasons.js';
import type { AlarmSection, ParsedAlarm } from '../parser/parsed-alarm.js';
import { type NetworkPlace, networkPlace } from './fleet-network.js';

/**
 * The parameters of the seed's CP-8861 example, as the phone sent them, in
 * its order: every generated alarm is this one with its own values, and the
 * tests use it as the phone's example. The protocol events hold a no-break
 * space (U+00A0) before `Cseq`, as in the seed.
 */
export const SEED_PARAMS: Readonly<Record<string, string>> = {
  DeviceName: 'SEP2834A282656D',
  DeviceIPv4Address: '192.168.1.37/24',
  IPv4DefaultGateway: '192.168.1.254',
  DeviceIPv6Address: '',
  IPv6DefaultGateway: '',
  ModelNumber: 'CP-8861',
  NeighborIPv4Address: '192.168.1.254',
  NeighborIPv6Address: '',
  NeighborDeviceID: 'jtac-l2tun-01',
  NeighborPortID: 'FastEthernet0/1/4',
  DHCPv4Status: '1',
  DHCPv6Status: '3',
  TFTPCfgStatus: '3',
  DNSStatusUnifiedCM1: '1',
  DNSStatusUnifiedCM2: '1',
  DNSStatusUnifiedCM3: '0',
  DNSv6StatusUnifiedCM1: '0',
  DNSv6StatusUnifiedCM2: '0',
  DNSv6StatusUnifiedCM3: '0',
  VoiceVLAN: '',
  UnifiedCMIPAddress: 'cucm105p',
  LocalPort: '49786',
  TimeStamp: '1461229373181',
  ReasonForOutOfService: '10',
  LastProtocolEventSent:
    'Sent:REGISTER sip:cucm105p SIP/2.0\u00a0 Cseq:118 REGISTER CallId:2834a282-656d000e-6cfd28bd-713281ce@192.168.1.37',
  LastProtocolEventReceived:
    'Rcvd:SIP/2.0 200 OK\u00a0 Cseq:120 REGISTER CallId:2834a282-656d0003-68ad3b77-33d23bb4@192.168.1.37',
};

/** A small seeded PRNG (mulberry32): the same seed gives the same fleet. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPhone {
  /** e.g. SEP0A1B2C3D4E5F */
  readonly deviceName: string;
  readonly model: string;
  readonly ipv4: string;
}

// Models whose debug login is debug/debug. 6900 series phones log in as
// admin with an empty password: they are a role of their own (fleet-plan.ts).
const MODELS = ['CP-8861', 'CP-8851', 'CP-7841', 'CP-8845', 'CP-8865', 'CP-7821'];
export const CP6900_MODELS = ['CP-6921', 'CP-6941', 'CP-6945', 'CP-6961'];
// Mid-2024, in epoch milliseconds: alarms fall in the 30 days before it.
export const LATEST_ALARM_MS = 1_718_000_000_000;
export const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

/** A phone's identity, derived from its index in the fleet. */
export function generatePhone(index: number, random: () => number): GeneratedPhone {
  const mac = Array.from({ length: 6 }, () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0'),
  )
    .join('')
    .toUpperCase();
  const model = MODELS[Math.floor(random() * MODELS.length)] ?? 'CP-8861';
  return { deviceName: `SEP${mac}`, model, ipv4: voiceVlanAddress(index) };
}

// 250 phones per /24 voice VLAN, .1 to .250: never a network or broadcast
// address, nor the gateway (.254).
const PHONES_PER_VLAN = 250;

function voiceVlanAddress(index: number): string {
  const vlan = Math.floor(index / PHONES_PER_VLAN);
  return `10.${(vlan >> 8) & 255}.${vlan & 255}.${(index % PHONES_PER_VLAN) + 1}`;
}

/**
 * `count` LastOutOfServiceInformation alarms for a phone, with every
 * parameter of the seed example in its order. Alarms are spread over both
 * sections, oldest first.
 */
export function generateAlarms(phone: GeneratedPhone, count: number, random: () => number): ParsedAlarm[] {
  const times = Array.from({ length: count }, () => LATEST_ALARM_MS - Math.floor(random() * THIRTY_DAYS_MS)).sort(
    (a, b) => a - b,
  );
  return times.map((time, index) => {
    const reason = OUT_OF_SERVICE_REASONS[Math.floor(random() * OUT_OF_SERVICE_REASONS.length)];
    const section: AlarmSection = index < count - 1 || random() < 0.5 ? 'sent' : 'unsent';
    return {
      section,
      name: 'LastOutOfServiceInformation',
      params: alarmParams(phone, time, reason?.code ?? 10, random),
    };
  });
}

/**
 * One alarm of the phone at `index` (device name and model as planned) at a
 * chosen time and reason: what a phone gains when it unregisters again.
 */
export function alarmAt(
  phone: { readonly index: number; readonly name: string; readonly model: string },
  timeMs: number,
  reasonCode: number,
  section: AlarmSection,
): ParsedAlarm {
  const place = networkPlace(phone.index);
  const identity = { deviceName: phone.name, model: phone.model, ipv4: place.address.replace(/\/.*/, '') };
  const params = alarmParams(identity, timeMs, reasonCode, seededRandom(timeMs % 2 ** 32), place);
  return { section, name: 'LastOutOfServiceInformation', params };
}

/**
 * One alarm of a phone placed in the simulated network: its neighbour,
 * address, gateway, VLAN and node are the same in every alarm it holds.
 */
export function placedAlarm(
  phone: GeneratedPhone,
  place: NetworkPlace,
  event: { readonly time: number; readonly reasonCode: number; readonly section: AlarmSection },
  random: () => number,
): ParsedAlarm {
  const params = alarmParams(phone, event.time, event.reasonCode, random, place);
  return { section: event.section, name: 'LastOutOfServiceInformation', params };
}

/** The seed's parameters (and their order), with this alarm's own values. */
function alarmParams(
  phone: GeneratedPhone,
  time: number,
  reasonCode: number,
  random: () => number,
  place?: NetworkPlace,
) {
  const gateway = place?.gateway ?? phone.ipv4.replace(/\.\d+$/, '.254');
  const node = place?.node ?? 'cucm-pub';
  const localPort = String(49152 + Math.floor(random() * 16000));
  return {
    ...SEED_PARAMS,
    DeviceName: phone.deviceName,
    DeviceIPv4Address: place?.address ?? `${phone.ipv4}/24`,
    IPv4DefaultGateway: gateway,
    ModelNumber: phone.model,
    NeighborIPv4Address: gateway,
    NeighborDeviceID: place?.switch ?? `access-sw-${Math.floor(random() * 40) + 1}`,
    NeighborPortID: place?.port ?? `GigabitEthernet1/0/${Math.floor(random() * 48) + 1}`,
    VoiceVLAN: place?.vlan ?? '',
    UnifiedCMIPAddress: node,
    LocalPort: localPort,
    TimeStamp: String(time),
    ReasonForOutOfService: String(reasonCode),
    LastProtocolEventSent: `Sent:REGISTER sip:${node} SIP/2.0  Cseq:${Math.floor(random() * 900) + 100} REGISTER CallId:${phone.deviceName.slice(3).toLowerCase()}@${phone.ipv4}`,
    LastProtocolEventReceived: 'Rcvd:SIP/2.0 200 OK  Cseq:120 REGISTER',
  };
}
