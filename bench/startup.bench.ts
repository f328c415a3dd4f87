// npm run bench:startup: the CPU that a short command costs from exec to exit,
// against `node -e 0` on the same machine in the same run. Each command runs
// under bench/baselines/measured_run.py (user + system CPU of the child, from
// getrusage), as a user's shell runs it: the bin through its #! line.
// The commands take turns, round after round, so that a burst of load from
// elsewhere on the machine falls on all of them alike; figures are medians.
//
// Options: --runs N (default 31), --cli PATH (another build of the CLI, e.g.
// dist/src/cli/main.js, tsc's unbundled output, to compare).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineDescription, median } from './measure.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MEASURED_RUN = `${REPO}bench/baselines/measured_run.py`;
// Debian's, as bench:sweep uses: a pyenv shim in PATH would add its own children's CPU.
const DEBIAN_PYTHON = '/usr/bin/python3';
const WORK = `${REPO}.bench-tmp/startup`;
const RESULT = `${WORK}/run.json`;

const args = process.argv.slice(2);
const runs = Number(flagValue('--runs') ?? 31);
const cli = flagValue('--cli') ?? `${REPO}dist/bin/unreg.js`;

interface Command {
  readonly name: string;
  readonly argv: readonly string[];
  /** At most this many times the CPU of `node -e 0` (issue 15's targets). */
  readonly target?: number;
}

const COMMANDS: Command[] = [
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
  { name: 'unreg --version', argv: [cli, '--version'], target: 2 },
  { name: 'unreg reasons 16', argv: [cli, 'reasons', '16'], target: 2 },
  { name: 'unreg parse FILE', argv: [cli, 'parse', `${REPO}examples/show-unreg-cp8861.txt`], target: 2.5 },
];

function flagValue(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
}

/** One run's CPU in milliseconds; a command that fails stops the bench. */
function cpuOfOneRun(command: Command): number {
  const run = spawnSync(DEBIAN_PYTHON, [MEASURED_RUN, RESULT, ...command.argv], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const result = JSON.parse(readFileSync(RESULT, 'utf8')) as { status: number; cpuMs: number };
  if (run.status !== 0 || result.status !== 0) {
    throw new Error(`${command.name} failed (status ${result.status}): ${run.stderr.toString('utf8')}`);
  }
  return result.cpuMs;
}

function main(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  console.log(machineDescription().join('\n'));
  console.log(`CLI: ${cli}; ${runs} runs of each command, in turns\n`);
  const cpuMs = new Map<string, number[]>(COMMANDS.map((command) => [command.name, []]));
  // One untimed round first: the page cache holds every file afterwards.
  for (const command of COMMANDS) cpuOfOneRun(command);
  for (let round = 0; round < runs; round += 1) {
    for (const command of COMMANDS) cpuMs.get(command.name)?.push(cpuOfOneRun(command));
  }
  const bare = median(cpuMs.get('node -e 0') ?? []);
  console.log('| command | CPU (median) | min | max | x node -e 0 | target |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const command of COMMANDS) {
    const figures = cpuMs.get(command.name) ?? [];
    const ratio = median(figures) / bare;
    const verdict =
      command.target === undefined ? '' : `<= ${command.target}x: ${ratio <= command.target ? 'met' : 'missed'}`;
    console.log(
      `| ${command.name} | ${median(figures).toFixed(0)} ms | ${Math.min(...figures).toFixed(0)} | ${Math.max(...figures).toFixed(0)} | ${ratio.toFixed(2)} | ${verdict} |`,
    );
  }
  console.log(`\nload average at the end: ${machineDescription()[2]?.split(': ')[1] ?? ''}`);
  rmSync(WORK, { recursive: true, force: true });
}

main();
