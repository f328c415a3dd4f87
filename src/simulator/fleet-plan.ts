import type { AlarmSection, ParsedAlarm } from '../parser/parsed-alarm.js';
import {
  CP6900_MODELS,
  generatePhone,
  LATEST_ALARM_MS,
  placedAlarm,
  seededRandom,
  THIRTY_DAYS_MS,
} from './alarm-generator.js';
import { type NetworkPlace, networkPlace } from './fleet-network.js';
import { type FleetStories, flapTimes, planStories, type StoryAlarm } from './fleet-stories.js';
import { loopbackAddress, MAX_PHONES } from './loopback-address.js';
import { FAILURE_MODES, type FailureMode, type PhoneMode } from './phone-modes.js';

/** One simulated phone: who it is, what it holds and how it behaves. */
export interface PhonePlan {
  readonly index: number;
  /** Its loopback address. */
  readonly host: string;
  /** The device name (SEP + MAC). */
  readonly name: string;
  readonly model: string;
  readonly site: string;
  /** Its switch, port, subnet, gateway, VLAN and CUCM node: the same in every alarm. */
  readonly place: NetworkPlace;
  readonly tags: readonly string[];
  readonly mode: PhoneMode;
  /** Old firmware: offers only old SSH algorithms and an ssh-rsa host key. */
  readonly legacy: boolean;
  /** A 6900 series phone: its debug shell's login is `admin` with an empty password. */
  readonly cp6900: boolean;
  /** The alarms it holds, in the order `show unreg` prints them. */
  readonly alarms: readonly ParsedAlarm[];
  /** Which of them belong to the fleet's incidents (fleet-stories.ts), for the truth file. */
  readonly stories: readonly StoryAlarm[];
}

export interface FleetPlanOptions {
  readonly phones: number;
  readonly seed: number;
  readonly legacy: number;
  /** How many phones are 6900 series; 0 when left out. */
  readonly cp6900?: number;
  readonly failures: Partial<Record<FailureMode, number>>;
}

// A phone's own background: user resets (20), power saving (32), config
// applied (104), device resets (107), a path timing out (10), a reset from
// CUCM (22), switched off (34); 0 to 2 of them over 30 days.
const BACKGROUND_CODES = [20, 20, 32, 32, 104, 107, 10, 22, 34];
const MAX_BACKGROUND = 2;
const ANSWERING: ReadonlySet<PhoneMode> = new Set(['ok', 'slow']);

/**
 * The fleet as a pure function of the options: the same seed gives the same
 * phones. A phone's identity, place in the network and background alarms
 * depend only on the seed and its index (not on the fleet size or the
 * failures asked for), but for a 6900 phone's model; which phones fail, and
 * how, is a seeded shuffle, each mode (and legacy, and 6900) on distinct
 * phones; the fleet's stories (incidents, flapping phones) are chosen for
 * the fleet as a whole, on phones that answer.
 */
export function planFleet(options: FleetPlanOptions): PhonePlan[] {
  const { phones, seed } = options;
  if (!Number.isInteger(phones) || phones < 1 || phones > MAX_PHONES) {
    throw new RangeError(`the number of phones must be 1 to ${MAX_PHONES}, not ${phones}`);
  }
  const roles = assignRoles(options);
  const stories = planStories(phones, seed, LATEST_ALARM_MS, (index) => ANSWERING.has((roles[index] ?? NORMAL).mode));
  return Array.from({ length: phones }, (_, index) => planPhone(seed, index, roles[index] ?? NORMAL, stories));
}

interface Role {
  readonly mode: PhoneMode;
  readonly legacy: boolean;
  readonly cp6900: boolean;
}

const NORMAL: Role = { mode: 'ok', legacy: false, cp6900: false };

function assignRoles(options: FleetPlanOptions): Role[] {
  const wanted: Role[] = [];
  for (const mode of FAILURE_MODES) {
    for (let count = options.failures[mode] ?? 0; count > 0; count--) wanted.push({ ...NORMAL, mode });
  }
  for (let count = options.legacy; count > 0; count--) wanted.push({ ...NORMAL, legacy: true });
  for (let count = options.cp6900 ?? 0; count > 0; count--) wanted.push({ ...NORMAL, cp6900: true });
  if (wanted.length > options.phones) {
    throw new RangeError(
      `${wanted.length} failure, legacy and 6900 phones were asked for, but the fleet has only ${options.phones} phones`,
    );
  }
  const order = shuffledIndices(options.phones, seededRandom(options.seed ^ 0x5eed));
  const roles: Role[] = [];
  wanted.forEach((role, at) => {
    roles[order[at] ?? 0] = role;
  });
  return roles;
}

function shuffledIndices(count: number, random: () => number): number[] {
  const indices = Array.from({ length: count }, (_, index) => index);
  for (let at = count - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    [indices[at], indices[other]] = [indices[other] ?? other, indices[at] ?? at];
  }
  return indices;
}

function planPhone(seed: number, index: number, role: Role, fleet: FleetStories): PhonePlan {
  const random = seededRandom(phoneSeed(seed, index));
  const generated = generatePhone(index, random);
  const place = networkPlace(index);
  const identity = { ...generated, ipv4: place.address.replace(/\/.*/, '') };
  const phone = role.cp6900
    ? { ...identity, model: CP6900_MODELS[index % CP6900_MODELS.length] ?? 'CP-6921' }
    : identity;
  const background = fleet.flappers.includes(index)
    ? flapTimes(index, seed, LATEST_ALARM_MS)
    : backgroundEvents(random);
  // A phone that drops mid-output needs an alarm block to drop in.
  if (role.mode === 'drop' && background.length === 0) background.push(backgroundEvent(random));
  const stories = fleet.alarms.get(index) ?? [];
  const events = [...background, ...stories].sort((a, b) => a.time - b.time);
  const alarms = events.map((event, at) => {
    // The newest alarm may still wait to be sent to CUCM.
    const section: AlarmSection = at < events.length - 1 || random() < 0.5 ? 'sent' : 'unsent';
    return placedAlarm(phone, place, { ...event, section }, random);
  });
  const printed = [
    ...alarms.filter((alarm) => alarm.section === 'sent'),
    ...alarms.filter((a) => a.section !== 'sent'),
  ];
  const tags = [phone.model.toLowerCase(), ...(role.legacy ? ['legacy'] : [])];
  return {
    index,
    host: loopbackAddress(index),
    name: phone.deviceName,
    model: phone.model,
    site: place.site,
    place,
    tags,
    mode: role.mode,
    legacy: role.legacy,
    cp6900: role.cp6900,
    alarms: printed,
    stories,
  };
}

interface AlarmEvent {
  readonly time: number;
  readonly reasonCode: number;
}

function backgroundEvents(random: () => number): AlarmEvent[] {
  return Array.from({ length: Math.floor(random() * (MAX_BACKGROUND + 1)) }, () => backgroundEvent(random));
}

function backgroundEvent(random: () => number): AlarmEvent {
  return {
    time: LATEST_ALARM_MS - Math.floor(random() * THIRTY_DAYS_MS),
    reasonCode: BACKGROUND_CODES[Math.floor(random() * BACKGROUND_CODES.length)] ?? 20,
  };
}

/** A 32-bit seed per phone (FNV-1a over seed and index). */
function phoneSeed(seed: number, index: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${index}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
