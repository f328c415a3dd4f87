import { join } from 'node:path';
import { type CliRun, runCli } from './run-cli.js';
import { FLEET_ENV, type FleetOnDisk } from './simulated-fleet-files.js';
import type { ReportedDocument } from './sweep-report.js';

/**
 * `unreg sweep` of a simulated fleet's inventory with test-sized settings:
 * no retries, a 5 s session deadline, the fleet folder's own known_hosts
 * (unless `extra` names one), passwords from the environment (FLEET_ENV,
 * and `env` over it). `extra` flags come last and win.
 */
export function sweepFleet(
  setup: FleetOnDisk,
  extra: readonly string[] = [],
  inventory = setup.inventory,
  env: NodeJS.ProcessEnv = {},
) {
  const args = ['sweep', inventory, '--retries', '0', '--timeout', '5'];
  if (!extra.includes('--known-hosts')) args.push('--known-hosts', join(setup.folder, 'known_hosts'));
  args.push(...extra);
  return runCli(args, { env: { ...FLEET_ENV, ...env } });
}

/** The same, as JSON on stdout, parsed. */
export async function sweepFleetJson(
  setup: FleetOnDisk,
  extra: readonly string[] = [],
  inventory = setup.inventory,
  env: NodeJS.ProcessEnv = {},
): Promise<{ run: CliRun; report: ReportedDocument }> {
  const run = await sweepFleet(setup, ['-f', 'json', ...extra], inventory, env);
  let report: ReportedDocument;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${run.status}): ${run.stderr}`);
  }
  return { run, report };
}
