import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inventoryYaml } from '../../src/simulator/fleet-files.js';
import type { PhonePlan } from '../../src/simulator/fleet-plan.js';
import { FLEET_CREDENTIALS, type FleetOnDisk } from './simulated-fleet-files.js';

/**
 * The simulated fleet's inventory (its phones in `phones`' order) with
 * `lines` (the `jump` keys) added to its `defaults:`, written as NAME.yaml in
 * the fleet's folder; gives its path.
 */
export async function inventoryBehindJump(
  setup: FleetOnDisk,
  name: string,
  lines: readonly string[],
  phones: readonly PhonePlan[] = setup.fleet.phones,
): Promise<string> {
  const text = inventoryYaml(phones, { port: setup.fleet.port, ...FLEET_CREDENTIALS });
  const inventory = join(setup.folder, `${name}.yaml`);
  await writeFile(inventory, text.replace('defaults:\n', `defaults:\n${lines.map((line) => `  ${line}\n`).join('')}`));
  return inventory;
}
