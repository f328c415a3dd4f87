// The desk phones of a CUCM cluster with their addresses: AXL for who they
// are, RisPort70 for where they are now.
import type { AxlPhone } from './axl-answers.js';
import { listAxlPhones } from './axl-client.js';
import { type CucmEndpoint, soapClient } from './cucm-https.js';
import { isSoftClient } from './desk-phones.js';
import type { AddressedPhone } from './inventory-yaml.js';
import { selectDevices } from './risport-client.js';

export interface CucmPhonesOptions {
  readonly endpoint: CucmEndpoint;
  readonly axlVersion: string;
  /** RisPort70 requests a minute at most. */
  readonly risportRate: number;
  /** The length of a minute for pacing and back-off: 60,000 ms but in tests. */
  readonly minuteMs: number;
  /** Only phones whose device pool / model matches one of these (none: all). */
  readonly devicePools: readonly RegExp[];
  readonly models: readonly RegExp[];
  /** A line for stderr about the run. */
  readonly note: (line: string) => void;
}

export interface CucmPhones {
  /** In device name order. */
  readonly phones: AddressedPhone[];
  readonly unaddressed: AxlPhone[];
  readonly listed: number;
  readonly softClients: number;
  readonly filteredOut: number;
  readonly axlRequests: number;
  readonly risportRequests: number;
  readonly rateRefusals: number;
}

export async function readCucmPhones(options: CucmPhonesOptions): Promise<CucmPhones> {
  const client = soapClient(options.endpoint);
  try {
    const username = options.endpoint.username;
    const listing = await listAxlPhones(client, { version: options.axlVersion, username, note: options.note });
    const unique = uniqueByName(listing.phones);
    const desk = unique.filter((phone) => !isSoftClient(phone));
    const wanted = desk.filter(
      (phone) => matches(options.devicePools, phone.devicePool) && matches(options.models, phone.model),
    );
    const ris = await selectDevices(
      client,
      wanted.map((phone) => phone.name),
      { perMinute: options.risportRate, minuteMs: options.minuteMs, username, note: options.note },
    );
    const phones: AddressedPhone[] = [];
    const unaddressed: AxlPhone[] = [];
    for (const phone of wanted) {
      const state = ris.states.get(phone.name.toUpperCase());
      if (state?.ipv4 == null) unaddressed.push(phone);
      else phones.push({ ...phone, ipv4: state.ipv4, unregistered: !REGISTERED.test(state.status) });
    }
    return {
      phones,
      unaddressed,
      listed: unique.length,
      softClients: unique.length - desk.length,
      filteredOut: desk.length - wanted.length,
      axlRequests: listing.requests,
      risportRequests: ris.requests,
      rateRefusals: ris.rateRefusals,
    };
  } finally {
    client.close();
  }
}

// RisPort's Status: Registered, PartiallyRegistered, UnRegistered, Rejected, Unknown.
const REGISTERED = /^(Registered|PartiallyRegistered)$/i;

function uniqueByName(phones: readonly AxlPhone[]): AxlPhone[] {
  const byName = new Map<string, AxlPhone>();
  for (const phone of phones) byName.set(phone.name.toUpperCase(), phone);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function matches(globs: readonly RegExp[], value: string): boolean {
  return globs.length === 0 || globs.some((glob) => glob.test(value));
}
