import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { OutputFileError } from '../../output/output-file-error.js';
import type { RunningCucm } from '../../simulator/cucm/start-cucm.js';
import { FAILURE_MODES, parseFailureCounts } from '../../simulator/phone-modes.js';
import { type SimulatedFleet, startSimulatedFleet } from '../../simulator/simulated-fleet.js';
import { credentialsFromEnv } from '../../simulator/simulator-credentials.js';
import { type CliIo, lastValue, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';

interface SimulateArgs {
  phones: number;
  port: number;
  seed: number;
  latency: number;
  loginLatency?: number;
  outputLatency?: number;
  slowStep: number;
  legacy: number;
  cp6900: number;
  fail: string[];
  out?: string;
  statsFile?: string;
  cucm: boolean;
  cucmPort: number;
  cucmDevicePools: number;
  cucmUnaddressed: number;
  cucmSoftClients: number;
  cucmRowLimit: number;
  cucmRate: number;
  cucmRateUsed: number;
  cucmCeiling: number;
  cucmUnavailable: boolean;
}

// The simulated CUCM's numbers: flag, default, description.
const CUCM_NUMBERS: readonly [string, number, string][] = [
  ['cucm-port', 0, "CUCM's HTTPS port (0: a free one)"],
  ['cucm-device-pools', 3, 'Device pools the phones are spread over'],
  ['cucm-unaddressed', 12, 'Phones CUCM lists but RisPort70 has no address for'],
  ['cucm-soft-clients', 10, 'Jabber and IP Communicator devices'],
  ['cucm-row-limit', 700, 'AXL rows a page may hold before CUCM calls it too large'],
  ['cucm-rate', 15, 'RisPort70 requests a minute the cluster allows'],
  ['cucm-rate-used', 0, 'Of which another client has used this many in the minute of the first request'],
  ['cucm-ceiling', 1000, 'Devices a RisPort70 answer holds at most'],
];

const SINGLE_VALUE_FLAGS = [
  'phones',
  'port',
  'seed',
  'latency',
  'login-latency',
  'output-latency',
  'slow-step',
  'legacy',
  'cp6900',
  'out',
  'stats-file',
  ...CUCM_NUMBERS.map(([flag]) => flag),
];

export function simulateCommand(io: CliIo) {
  return {
    command: 'simulate',
    describe: 'Serve simulated phones over SSH on loopback (127.0.1.x), for tests, demos and benchmarks',
    builder: (yargs: Argv) =>
      yargs
        .option('phones', { alias: 'n', type: 'number', default: 30, describe: 'How many phones' })
        .option('port', { type: 'number', default: 0, describe: 'The port every phone listens on (0: a free one)' })
        .option('seed', { type: 'number', default: 1, describe: 'Same seed, same phones, alarms and host keys' })
        .option('latency', { type: 'number', default: 0, describe: 'ms before the login: prompt and before output' })
        .option('login-latency', { type: 'number', describe: 'ms before the login: prompt (default: --latency)' })
        .option('output-latency', { type: 'number', describe: 'ms before show unreg output (default: --latency)' })
        .option('slow-step', { type: 'number', default: 2000, describe: 'ms added to each step of a slow phone' })
        .option('legacy', { type: 'number', default: 0, describe: 'How many phones offer only old SSH algorithms' })
        .option('cp6900', {
          type: 'number',
          default: 0,
          describe: 'How many phones are 6900 series (debug login admin, empty password)',
        })
        .option('fail', {
          type: 'string',
          array: true,
          default: [],
          describe: `Failure phones, MODE=COUNT (repeat or comma list); MODE: ${FAILURE_MODES.join(', ')}`,
        })
        .option('out', { type: 'string', describe: 'Write inventory.yaml and truth.json into this folder' })
        .option('stats-file', { type: 'string', describe: 'Write the session counts here as JSON at exit' })
        .option('cucm', {
          type: 'boolean',
          default: false,
          describe: "Also serve the fleet's CUCM: AXL and RisPort70 on https://127.0.0.1 (docs/cucm.md)",
        })
        .option('cucm-unavailable', {
          type: 'boolean',
          default: false,
          describe: 'CUCM answers every request with an HTML 503 page',
        })
        .options(
          Object.fromEntries(
            CUCM_NUMBERS.map(([flag, fallback, describe]) => [flag, { type: 'number', default: fallback, describe }]),
          ),
        )
        // Each takes one value: given twice, the last wins (see lastValue).
        .coerce(SINGLE_VALUE_FLAGS, lastValue),
    handler: (args: SimulateArgs) => runSimulate(args, io),
  };
}

async function runSimulate(args: SimulateArgs, io: CliIo): Promise<void> {
  const fleet = await startFleet(args, io);
  let cucm: RunningCucm | null = null;
  try {
    cucm = args.cucm ? await startCucm(fleet, args, io) : null;
    const files = args.out === undefined ? null : await fleet.writeFiles(resolve(args.out));
    const cucmFiles = cucm === null || args.out === undefined ? null : await cucm.writeFiles(resolve(args.out));
    const ready = {
      event: 'ready',
      pid: process.pid,
      port: fleet.port,
      phones: fleet.phones.length,
      seed: fleet.seed,
      inventory: files?.inventory ?? null,
      truth: files?.truth ?? null,
      cucm: cucm === null ? null : { host: cucm.host, port: cucm.port, username: cucm.username, ...cucmFiles },
    };
    // Listen first: whoever reads the ready line may signal at once, and
    // stdout to a pipe is written synchronously (a signal between the two
    // killed the simulator before it could close and print its stats).
    const signalled = untilSignalled();
    io.stdout.write(`${JSON.stringify(ready)}\n`);
    await signalled;
  } finally {
    await Promise.all([fleet.close(), cucm?.server.close()]);
  }
  const stats = { event: 'stats', ...fleet.stats(), ...(cucm === null ? {} : { cucm: cucm.server.stats() }) };
  io.stderr.write(`${JSON.stringify(stats)}\n`);
  if (args.statsFile !== undefined) {
    const file = args.statsFile;
    await writeFile(file, `${JSON.stringify(stats)}\n`).catch((error: Error) => {
      throw new OutputFileError(`cannot write ${file}: ${error.message}`);
    });
  }
  io.exitStatus = EXIT.ok;
}

async function startFleet(args: SimulateArgs, io: CliIo): Promise<SimulatedFleet> {
  checkNumbers(args);
  let failures: ReturnType<typeof parseFailureCounts>;
  try {
    failures = parseFailureCounts(args.fail);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  try {
    return await startSimulatedFleet({
      phones: args.phones,
      seed: args.seed,
      port: args.port,
      legacy: args.legacy,
      cp6900: args.cp6900,
      ...delays(args),
      failures,
      credentials: credentialsFromEnv(io.env),
    });
  } catch (error) {
    // Too many failure phones, a port in use, too few open files: one line.
    throw new UsageError((error as Error).message);
  }
}

async function startCucm(fleet: SimulatedFleet, args: SimulateArgs, io: CliIo): Promise<RunningCucm> {
  const { startSimulatedCucm } = await import('../../simulator/cucm/start-cucm.js');
  try {
    return await startSimulatedCucm(fleet.phones, {
      devicePools: args.cucmDevicePools,
      unaddressed: args.cucmUnaddressed,
      softClients: args.cucmSoftClients,
      username: SIMULATED_CUCM_USER,
      password: io.env.UNREG_CUCM_PASSWORD ?? 'simulated-cucm-password',
      port: args.cucmPort,
      rowLimit: args.cucmRowLimit,
      risportAllowance: args.cucmRate,
      risportUsedByOthers: args.cucmRateUsed,
      risportCeiling: args.cucmCeiling,
      minuteMs: Number(io.env.UNREG_CUCM_MINUTE_MS) > 0 ? Number(io.env.UNREG_CUCM_MINUTE_MS) : 60_000,
      unavailable: args.cucmUnavailable,
    });
  } catch (error) {
    throw new UsageError(`simulated CUCM: ${(error as Error).message}`);
  }
}

/** The application user of the simulated CUCM; its password: UNREG_CUCM_PASSWORD, else a fixed fake. */
const SIMULATED_CUCM_USER = 'unreg-axl';

function checkNumbers(args: SimulateArgs): void {
  const numbers: [string, number | undefined][] = [
    ['phones', args.phones],
    ['port', args.port],
    ['seed', args.seed],
    ['legacy', args.legacy],
    ['cp6900', args.cp6900],
    ['latency', args.latency],
    ['login-latency', args.loginLatency],
    ['output-latency', args.outputLatency],
    ['slow-step', args.slowStep],
    ['cucm-port', args.cucmPort],
    ['cucm-device-pools', args.cucmDevicePools],
    ['cucm-unaddressed', args.cucmUnaddressed],
    ['cucm-soft-clients', args.cucmSoftClients],
    ['cucm-row-limit', args.cucmRowLimit],
    ['cucm-rate', args.cucmRate],
    ['cucm-rate-used', args.cucmRateUsed],
    ['cucm-ceiling', args.cucmCeiling],
  ];
  for (const [name, value] of numbers) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new UsageError(`--${name} must be a whole number, not ${value}`);
    }
  }
  if (args.port > 65535) throw new UsageError(`--port must be at most 65535, not ${args.port}`);
}

function delays(args: SimulateArgs) {
  return {
    loginLatencyMs: args.loginLatency ?? args.latency,
    outputLatencyMs: args.outputLatency ?? args.latency,
    slowStepMs: args.slowStep,
  };
}

/** Runs until Ctrl-C or SIGTERM; a second signal is left to the default (kill). */
function untilSignalled(): Promise<void> {
  return new Promise((resolveSignal) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
