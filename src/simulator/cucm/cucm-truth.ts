// What a correct `unreg inventory cucm` writes for the simulated CUCM, derived
// from the fleet plan and the traps it was given (not by reading RisPort
// entries as the client does): the tests' yardstick. Pure.
import type { PhonePlan } from '../fleet-plan.js';
import { type CucmDevice, risportTrap } from './cucm-directory.js';

export interface CucmTruthPhone {
  readonly name: string;
  readonly host: string;
  readonly site: string;
  readonly tags: readonly string[];
  readonly groups: readonly string[];
}

export interface CucmTruth {
  /** In name order. */
  readonly phones: readonly CucmTruthPhone[];
  /** Desk phones with no address, in name order. */
  readonly unaddressed: readonly string[];
  /** Soft clients a `SEP%` search returns (IP Communicator), which the client leaves out. */
  readonly softClientsListed: readonly string[];
}

export function cucmTruth(plans: readonly PhonePlan[], devices: readonly CucmDevice[]): CucmTruth {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const phones = devices
    .filter((device) => device.phoneIndex !== null)
    .map((device) => {
      const plan = plans[device.phoneIndex ?? 0] as PhonePlan;
      const unregistered = risportTrap(plan.index) === 'unregistered-now';
      return {
        name: device.name,
        host: plan.host,
        site: device.devicePool,
        tags: [plan.model.toLowerCase(), ...(unregistered ? ['unregistered'] : [])],
        groups: plan.cp6900 ? ['cp6900'] : [],
      };
    })
    .sort(byName);
  const others = devices.filter((device) => device.phoneIndex === null && device.name.startsWith('SEP')).sort(byName);
  return {
    phones,
    unaddressed: others
      .filter((device) => device.entries.length === 0 || device.entries.every((e) => e.ips.length === 0))
      .map((d) => d.name),
    softClientsListed: others.filter((device) => device.model === 'Cisco IP Communicator').map((d) => d.name),
  };
}
