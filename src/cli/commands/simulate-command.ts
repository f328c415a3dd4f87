import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
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
}

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
        // Each takes one value: given twice, the last wins (see lastValue).
        .coerce(SINGLE_VALUE_FLAGS, lastValue),
    handler: (args: SimulateArgs) => runSimulate(args, io),
  };
}

async function runSimulate(args: SimulateArgs, io: CliIo): Promise<void> {
  const fleet = await startFleet(args, io);
  try {
    const files = args.out === undefined ? null : await fleet.writeFiles(resolve(args.out));
    const ready = {
      event: 'ready',
      pid: process.pid,
      port: fleet.port,
      phones: fleet.phones.length,
      seed: fleet.seed,
      inventory: files?.inventory ?? null,
      truth: files?.truth ?? null,
    };
    // Listen first: whoever reads the ready line may signal at once, and
    // stdout to a pipe is written synchronously (a signal between the two
    // killed the simulator before it could close and print its stats).
    const signalled = untilSignalled();
    io.stdout.write(`${JSON.stringify(ready)}\n`);
    await signalled;
  } finally {
    await fleet.close();
  }
  const stats = { event: 'stats', ...fleet.stats() };
  io.stderr.write(`${JSON.stringify(stats)}\n`);
  if (args.statsFile !== undefined) await writeFile(args.statsFile, `${JSON.stringify(stats)}\n`);
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
