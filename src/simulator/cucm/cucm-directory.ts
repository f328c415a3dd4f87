// What the simulated CUCM knows: the fleet's phones as AXL lists them and as
// RisPort70's nodes report them, with the traps real clusters have. Pure: the
// same fleet gives the same directory.
import type { PhonePlan } from '../fleet-plan.js';

export interface SimulatedIp {
  readonly ip: string;
  readonly type: 'ipv4' | 'ipv6';
  /** The WSDL's enum, its misspelling included. */
  readonly attribute: 'Unknown' | 'Adminstrative' | 'Signaling' | 'AdministrativeAndSignaling';
}

/** One node's view of a device. */
export interface SimulatedRisEntry {
  readonly node: string;
  readonly status: 'Registered' | 'UnRegistered';
  /** Epoch seconds. */
  readonly timeStamp: number;
  readonly ips: readonly SimulatedIp[];
}

export interface CucmDevice {
  readonly name: string;
  readonly description: string;
  /** As AXL names it: `Cisco 8845`. */
  readonly model: string;
  readonly devicePool: string;
  /** Empty: RisPort70 knows no address (never registered, or too long ago). */
  readonly entries: readonly SimulatedRisEntry[];
  /** The fleet phone it is, or null for a device only CUCM knows. */
  readonly phoneIndex: number | null;
}

export interface CucmDirectoryOptions {
  /** How many device pools the phones are spread over (default 3). */
  readonly devicePools?: number;
  /** Desk phones CUCM lists but RisPort70 has no address for (default 12). */
  readonly unaddressed?: number;
  /** Jabber and IP Communicator devices (default 8). */
  readonly softClients?: number;
}

export const CUCM_NODES = ['cucm-sub1', 'cucm-sub2'] as const;
const POOLS = ['HQ-Tokyo_DP', 'Branch-Osaka_DP', 'Branch-London_DP', 'Branch-Austin_DP', 'Branch-Sydney_DP'];
// Late 2024, epoch seconds: when the nodes last saw each phone change.
const BASE_TIME = 1_733_000_000;

/** Which trap a fleet phone shows in RisPort70, by its index. */
export function risportTrap(index: number): 'duplicate' | 'unregistered-now' | 'ipv6-first' | 'plain' {
  if (index % 13 === 5) return 'unregistered-now';
  if (index % 7 === 3) return 'duplicate';
  if (index % 11 === 4) return 'ipv6-first';
  return 'plain';
}

export function cucmDirectory(phones: readonly PhonePlan[], options: CucmDirectoryOptions = {}): CucmDevice[] {
  const pools = POOLS.slice(0, Math.max(1, Math.min(POOLS.length, options.devicePools ?? 3)));
  const poolOf = (index: number) => pools[index % pools.length] ?? 'Default';
  return [
    ...phones.map((phone) => fleetDevice(phone, poolOf(phone.index))),
    ...Array.from({ length: options.unaddressed ?? 12 }, (_, at) => unaddressedDevice(at, poolOf(at))),
    ...Array.from({ length: options.softClients ?? 8 }, (_, at) => softClient(at, poolOf(at))),
  ];
}

function fleetDevice(phone: PhonePlan, devicePool: string): CucmDevice {
  const index = phone.index;
  const [home, other] = index % 2 === 0 ? CUCM_NODES : [CUCM_NODES[1], CUCM_NODES[0]];
  const time = BASE_TIME + index * 7;
  const own = (attribute: SimulatedIp['attribute']): SimulatedIp => ({ ip: phone.host, type: 'ipv4', attribute });
  // A loopback address no simulated phone uses: connecting there would be the bug.
  const stale: SimulatedIp = { ip: staleAddress(index), type: 'ipv4', attribute: 'AdministrativeAndSignaling' };
  let entries: SimulatedRisEntry[];
  switch (risportTrap(index)) {
    case 'unregistered-now':
      // Registered on one node until a failover, unregistered since on the other (its last address kept).
      entries = [
        { node: other, status: 'Registered', timeStamp: time - 3600, ips: [stale] },
        { node: home, status: 'UnRegistered', timeStamp: time, ips: [own('AdministrativeAndSignaling')] },
      ];
      break;
    case 'duplicate':
      entries = [
        { node: home, status: 'Registered', timeStamp: time, ips: [own('AdministrativeAndSignaling')] },
        { node: other, status: 'UnRegistered', timeStamp: time - 600, ips: [stale] },
      ];
      break;
    case 'ipv6-first':
      entries = [
        {
          node: home,
          status: 'Registered',
          timeStamp: time,
          ips: [
            { ip: `2001:db8::${(index + 1).toString(16)}`, type: 'ipv6', attribute: 'Adminstrative' },
            own('Signaling'),
          ],
        },
      ];
      break;
    default:
      entries = [{ node: home, status: 'Registered', timeStamp: time, ips: [own('AdministrativeAndSignaling')] }];
  }
  return {
    name: phone.name,
    description: descriptionOf(phone),
    model: phone.model.replace(/^CP-/, 'Cisco '),
    devicePool,
    entries,
    phoneIndex: index,
  };
}

// Descriptions are the users' text: quotes, #, accents, and now and then a line break.
function descriptionOf(phone: PhonePlan): string {
  if (phone.index % 50 === 7) return `Lobby "A" #${phone.index} – Réception`;
  if (phone.index % 97 === 13) return `Desk ${phone.index}\nsecond line`;
  return `${phone.site} desk ${phone.index + 1}`;
}

function staleAddress(index: number): string {
  return `127.1.${Math.floor(index / 250) % 256}.${(index % 250) + 1}`;
}

function unaddressedDevice(at: number, devicePool: string): CucmDevice {
  return {
    name: `SEPFEED${at.toString(16).toUpperCase().padStart(8, '0')}`,
    description: `Spare phone ${at + 1}, in a cupboard`,
    model: 'Cisco 7841',
    devicePool,
    // Half never registered; half unregistered long ago, with no address left.
    entries:
      at % 2 === 0 ? [] : [{ node: CUCM_NODES[1], status: 'UnRegistered', timeStamp: BASE_TIME - 86_400, ips: [] }],
    phoneIndex: null,
  };
}

const SOFT_CLIENTS = [
  { prefix: 'CSF', model: 'Cisco Unified Client Services Framework' },
  { prefix: 'BOT', model: 'Cisco Dual Mode for Android' },
  { prefix: 'TCT', model: 'Cisco Dual Mode for iPhone' },
  { prefix: 'TAB', model: 'Cisco Jabber for Tablet' },
  { prefix: 'SEPC0FFEE', model: 'Cisco IP Communicator' },
];

function softClient(at: number, devicePool: string): CucmDevice {
  const kind = SOFT_CLIENTS[at % SOFT_CLIENTS.length] ?? SOFT_CLIENTS[0];
  const name = kind?.prefix.startsWith('SEP')
    ? `${kind.prefix}${at.toString(16).toUpperCase().padStart(3, '0')}`
    : `${kind?.prefix}USER${at + 1}`;
  return {
    name,
    description: `Soft client of user${at + 1}`,
    model: kind?.model ?? 'Cisco Unified Client Services Framework',
    devicePool,
    entries: [
      {
        node: CUCM_NODES[0],
        status: 'Registered',
        timeStamp: BASE_TIME,
        ips: [{ ip: `127.2.0.${at + 1}`, type: 'ipv4', attribute: 'AdministrativeAndSignaling' }],
      },
    ],
    phoneIndex: null,
  };
}
