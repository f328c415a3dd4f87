// Where a simulated phone sits in the network: its site, access switch and
// port, subnet and gateway, voice VLAN and CUCM node. A pure function of the
// phone's index, so every alarm of a phone agrees, whatever the fleet size.
// Small on purpose: 4 phones per switch and 12 per subnet (3 switches) let
// the demo's 30 phones hold a switch, a subnet and a node story apart.

export const SITES = ['tokyo', 'osaka', 'london', 'austin', 'sydney'];
export const CUCM_NODES = ['cucm-sub1', 'cucm-sub2', 'cucm-sub3'];
const PHONES_PER_SWITCH = 4;
const SWITCHES_PER_SUBNET = 3;
const PHONES_PER_SUBNET = PHONES_PER_SWITCH * SWITCHES_PER_SUBNET;

export interface NetworkPlace {
  readonly site: string;
  readonly switch: string;
  readonly port: string;
  /** The phone's address with its prefix length, as DeviceIPv4Address carries it. */
  readonly address: string;
  /** `10.11.0.0/24` */
  readonly subnet: string;
  readonly gateway: string;
  readonly vlan: string;
  readonly node: string;
}

/** Phones are spread over the sites in turn (phone 0 tokyo, 1 osaka, ...); within a site they fill switches in order. */
export function networkPlace(index: number): NetworkPlace {
  const siteIndex = index % SITES.length;
  const rank = Math.floor(index / SITES.length);
  const site = SITES[siteIndex] ?? 'tokyo';
  const subnetNo = Math.floor(rank / PHONES_PER_SUBNET);
  // 10.10.x.0/24 to 10.34.x.0/24: five second octets per site hold the largest fleet.
  const prefix = `10.${10 + siteIndex * 5 + (subnetNo >> 8)}.${subnetNo & 255}`;
  return {
    site,
    switch: `${site}-sw${Math.floor(rank / PHONES_PER_SWITCH) + 1}`,
    port: `GigabitEthernet1/0/${(rank % PHONES_PER_SWITCH) + 1}`,
    address: `${prefix}.${(rank % PHONES_PER_SUBNET) + 1}/24`,
    subnet: `${prefix}.0/24`,
    gateway: `${prefix}.254`,
    vlan: String(100 + ((siteIndex * 800 + subnetNo) % 3900)),
    node: CUCM_NODES[(siteIndex + subnetNo) % CUCM_NODES.length] ?? 'cucm-sub1',
  };
}
