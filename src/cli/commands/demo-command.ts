import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { loadInventory } from '../../inventory/load-inventory.js';
import type { PhoneEntry } from '../../report/report-document.js';
import type { PhoneTruth } from '../../simulator/fleet-truth.js';
import { startSimulatedFleet } from '../../simulator/simulated-fleet.js';
import { DEFAULT_CREDENTIALS } from '../../simulator/simulator-credentials.js';
import { KnownHostsStore } from '../../ssh/host-keys/known-hosts-store.js';
import { type CliIo, lastValue, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { reportPhones } from '../phone-report.js';
import { type ReportArgs, withReportOptions } from '../report-options.js';

interface DemoArgs extends ReportArgs {
  phones: number;
  seed: number;
  quiet: boolean;
}

// A few phones of each kind a real fleet has: old firmware, and the usual
// ways a phone cannot be read. Short timeouts keep the hung phone brief.
const DEMO_FAILURES = { 'wrong-debug-password': 1, 'no-show-unreg': 1, hang: 1, drop: 1, refused: 1 };
// A demo on one machine; `unreg simulate` serves larger fleets.
const MAX_DEMO_PHONES = 5000;

const DEMO_SESSION = {
  connectTimeoutMs: 5000,
  loginTimeoutMs: 5000,
  commandIdleMs: 3000,
  sessionTimeoutMs: 6000,
  retries: 0,
  retryDelayMs: 0,
  legacyAlgorithms: true,
};

export function demoCommand(io: CliIo) {
  return {
    command: 'demo',
    describe: 'Sweep a simulated fleet on loopback and print the fleet report (nothing is left behind)',
    builder: (yargs: Argv) =>
      withReportOptions(
        yargs
          .option('phones', { alias: 'n', type: 'number', default: 30, describe: 'Simulated phones' })
          .option('seed', { type: 'number', default: 1, describe: 'Same seed, same fleet' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress bar' })
          .coerce(['phones', 'seed'], lastValue),
      ),
    handler: (args: DemoArgs) => runDemo(args, io),
  };
}

/**
 * The README's first command: a simulated fleet (its own process-local SSH
 * servers on 127.0.1.x), swept by the same code as `unreg sweep`, with a
 * scratch known-hosts file. Exit 0 when every phone came out as the
 * simulator planned it (the failures are part of the demo), 1 otherwise.
 */
async function runDemo(args: DemoArgs, io: CliIo): Promise<void> {
  if (!Number.isInteger(args.phones) || args.phones < 1 || args.phones > MAX_DEMO_PHONES) {
    throw new UsageError(`--phones must be a whole number from 1 to ${MAX_DEMO_PHONES}`);
  }
  const fleet = await startSimulatedFleet({
    phones: args.phones,
    seed: args.seed,
    legacy: Math.max(1, Math.round(args.phones / 8)),
    // Their inventory group gives them the 6900 debug login (admin, empty password).
    cp6900: args.phones >= 10 ? 2 : 0,
    failures: args.phones >= 10 ? DEMO_FAILURES : {},
    credentials: DEFAULT_CREDENTIALS,
  }).catch((error: Error) => {
    throw new UsageError(`cannot start the simulated fleet: ${error.message}`);
  });
  const folder = await mkdtemp(join(tmpdir(), 'unreg-demo-')).catch(async (error) => {
    await fleet.close();
    throw error;
  });
  try {
    const files = await fleet.writeFiles(folder);
    const env = {
      UNREG_SSH_PASSWORD: DEFAULT_CREDENTIALS.password,
      UNREG_DEBUG_PASSWORD: DEFAULT_CREDENTIALS.debugPassword,
    };
    const { phones } = await loadInventory(files.inventory, { env });
    const hostKeys = await KnownHostsStore.open(join(folder, 'known_hosts'), 'accept-new');
    const surprises: string[] = [];
    const truth = new Map(fleet.truth.phones.map((phone) => [phone.host, phone]));
    const check = (entry: PhoneEntry) => {
      const surprise = compareWithTruth(entry, truth.get(entry.host));
      if (surprise !== null) surprises.push(surprise);
      return entry;
    };
    // A demo is for people: the fleet table, unless a format or a file is asked for.
    const report = { ...args, format: args.format ?? (args.output === undefined ? 'table' : undefined) };
    await reportPhones(phones, { ...DEMO_SESSION, hostKeys, concurrency: 10, authFailureLimit: 5 }, report, io, check);
    io.stderr.write(demoSummary(fleet.port, phones.length, surprises));
    if (io.exitStatus !== EXIT.interrupted) io.exitStatus = surprises.length === 0 ? EXIT.ok : EXIT.someFailed;
  } finally {
    await fleet.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function compareWithTruth(entry: PhoneEntry, truth: PhoneTruth | undefined): string | null {
  const outcome = entry.error?.kind ?? 'ok';
  if (truth === undefined) return `${entry.host}: not a simulated phone`;
  if (outcome !== truth.expected) return `${entry.host}: ${outcome}, the simulator planned ${truth.expected}`;
  if (entry.alarms.length !== truth.alarms.length) {
    return `${entry.host}: ${entry.alarms.length} alarms read, the phone holds ${truth.alarms.length}`;
  }
  return null;
}

function demoSummary(port: number, phones: number, surprises: readonly string[]): string {
  const head = `\nDemo: ${phones} simulated phones on 127.0.1.x port ${port}, some of them failing on purpose.\n`;
  if (surprises.length === 0) return `${head}Every phone came out as the simulator planned it.\n`;
  return `${head}Unexpected:\n${surprises.map((line) => `  ${line}\n`).join('')}`;
}
