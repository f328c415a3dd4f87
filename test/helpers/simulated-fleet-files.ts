import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAILURE_MODES, type FailureMode } from '../../src/simulator/phone-modes.js';
import { type FleetOptions, type SimulatedFleet, startSimulatedFleet } from '../../src/simulator/simulated-fleet.js';

// Test-only passwords: they reach the child CLI by environment, never argv.
export const FLEET_CREDENTIALS = {
  username: 'sshadmin',
  password: 'fleet-ssh-secret',
  debugUsername: 'debug',
  debugPassword: 'fleet-debug-secret',
};

/** One phone of each failure mode the simulator knows. */
export const ONE_OF_EACH_FAILURE: Readonly<Record<FailureMode, number>> = Object.fromEntries(
  FAILURE_MODES.map((mode) => [mode, 1]),
) as Record<FailureMode, number>;

export const FLEET_ENV = {
  UNREG_SSH_PASSWORD: FLEET_CREDENTIALS.password,
  UNREG_DEBUG_PASSWORD: FLEET_CREDENTIALS.debugPassword,
};

export interface FleetOnDisk {
  readonly fleet: SimulatedFleet;
  readonly folder: string;
  readonly inventory: string;
  close(): Promise<void>;
}

/** A simulated fleet with its inventory written into a scratch folder. */
export async function fleetOnDisk(options: Omit<FleetOptions, 'credentials'>): Promise<FleetOnDisk> {
  const fleet = await startSimulatedFleet({ ...options, credentials: FLEET_CREDENTIALS });
  const folder = await mkdtemp(join(tmpdir(), 'unreg-fleet-'));
  const files = await fleet.writeFiles(folder);
  return {
    fleet,
    folder,
    inventory: files.inventory,
    async close() {
      await fleet.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
