import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inventoryYaml } from '../../src/simulator/fleet-files.js';
import { FLEET_CREDENTIALS, type FleetOnDisk } from './simulated-fleet-files.js';

/**
 * The simulated fleet's inventory with `lines` (the `jump` keys) added to
 * its `defaults:`, written as NAME.yaml in the fleet's folder; gives its path.
 */
export async function inventoryBehindJump(setup: FleetOnDisk, name: string, lines: readonly string[]): Promise<string> {
  const text = inventoryYaml(setup.fleet.phones, { port: setup.fleet.port, ...FLEET_CREDENTIALS });
  const inventory = join(setup.folder, `${name}.yaml`);
  await writeFile(inventory, text.replace('defaults:\n', `defaults:\n${lines.map((line) => `  ${line}\n`).join('')}`));
  return inventory;
}
