// RisPort70's answer to selectCmDevice / selectCmDeviceExt, read: pure. The
// WSDL names the answer selectCmDeviceResponse for both operations (some
// mocks say selectCmDeviceExtResponse): both are read, by local name.
import { isIPv4 } from 'node:net';
import { child, listOf, textOf, type XmlElement } from './soap-answer.js';

/** One device as one CUCM node reports it. */
export interface RisEntry {
  readonly name: string;
  /** The CUCM node that reports it. */
  readonly node: string;
  /** Registered, UnRegistered, Rejected, PartiallyRegistered, Unknown. */
  readonly status: string;
  /** When this node last saw a change, epoch seconds (0 when missing). */
  readonly timeStamp: number;
  /** Its first IPv4 address, or null. */
  readonly ipv4: string | null;
}

export interface RisAnswer {
  /** How many devices matched: more than `entries` means CUCM cut the answer at its ceiling. */
  readonly totalDevicesFound: number;
  readonly entries: RisEntry[];
}

export function readSelectCmDevice(body: XmlElement): RisAnswer | null {
  const response = child(body, 'selectCmDeviceResponse') ?? child(body, 'selectCmDeviceExtResponse');
  const result = child(child(response, 'selectCmDeviceReturn'), 'SelectCmDeviceResult');
  if (result === null) return null;
  const entries: RisEntry[] = [];
  for (const node of listOf(child(result, 'CmNodes'))) {
    const nodeName = textOf(node.Name);
    for (const device of listOf(child(node, 'CmDevices'))) {
      entries.push({
        name: textOf(device.Name),
        node: nodeName,
        status: textOf(device.Status),
        timeStamp: Number(textOf(device.TimeStamp)) || 0,
        ipv4: firstIpv4(child(device, 'IPAddress')),
      });
    }
  }
  const total = Number(textOf(result.TotalDevicesFound));
  return { totalDevicesFound: Number.isFinite(total) ? total : entries.length, entries };
}

// IPAddress/item/IP, each with IPAddrType (ipv4|ipv6) and an Attribute whose
// values the WSDL spells Unknown, Adminstrative (sic), Signaling,
// AdministrativeAndSignaling: any attribute is an address of the phone.
function firstIpv4(addresses: XmlElement | null): string | null {
  for (const item of listOf(addresses)) {
    const ip = textOf(item.IP).trim();
    if (isIPv4(ip)) return ip;
  }
  return null;
}

/** What RisPort says of a device now: the newest entry of the nodes that report it. */
export interface DeviceState {
  readonly status: string;
  /** The newest IPv4 address any entry gives. */
  readonly ipv4: string | null;
  readonly timeStamp: number;
}

/**
 * A device registered on one node and unregistered on another after a
 * failover appears under both: the entry with the newest TimeStamp is the
 * truth. Its address is the newest entry's that has one.
 */
export function mergeEntries(states: Map<string, DeviceState>, entries: readonly RisEntry[]): void {
  const byName = new Map<string, RisEntry[]>();
  for (const entry of entries) {
    const key = entry.name.toUpperCase();
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  for (const [key, found] of byName) {
    const earlier = states.get(key);
    const newestFirst = [...found].sort((a, b) => b.timeStamp - a.timeStamp);
    const newest = newestFirst[0];
    if (newest === undefined || (earlier !== undefined && earlier.timeStamp > newest.timeStamp)) continue;
    const ipv4 = newestFirst.find((entry) => entry.ipv4 !== null)?.ipv4 ?? earlier?.ipv4 ?? null;
    states.set(key, { status: newest.status, ipv4, timeStamp: newest.timeStamp });
  }
}
