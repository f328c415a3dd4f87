// npm run bench:sweep: `unreg sweep` against the latency bound and against two
// baselines doing the same job on the same simulated fleet, in the same run:
// a bare ssh2 client (bench/baselines/bare-ssh2-sweep.ts) and Python asyncssh
// (bench/baselines/asyncssh_sweep.py). The simulator runs in its own process;
// every client runs under bench/baselines/measured_run.py, which reads CPU and
// peak RSS from the OS (getrusage of the children).
//
// Options: --runs N (default 3), --quick (skip N=10000), --only unreg,bare,asyncssh
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { machineDescription, median } from './measure.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${REPO}dist/bin/unreg.js`;
const BARE = `${REPO}dist/bench/baselines/bare-ssh2-sweep.js`;
const ASYNCSSH = `${REPO}bench/baselines/asyncssh_sweep.py`;
const MEASURED_RUN = `${REPO}bench/baselines/measured_run.py`;
const DEBIAN_PYTHON = '/usr/bin/python3';
const WORK = `${REPO}.bench-tmp/sweep`;
const ENV = { ...process.env, UNREG_SSH_PASSWORD: 'bench-ssh-password', UNREG_DEBUG_PASSWORD: 'debug' };

type ClientName = 'unreg' | 'bare' | 'asyncssh';
interface Point {
  readonly phones: number;
  readonly concurrency: number;
  readonly latencyMs: number;
  readonly clients: readonly ClientName[];
}
interface RunFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKb: number;
  readonly simulatorCpuMs: number;
}

const args = process.argv.slice(2);
const runs = Number(flagValue('--runs') ?? 3);
const only = flagValue('--only')?.split(',') as ClientName[] | undefined;
const ALL: ClientName[] = only ?? ['unreg', 'bare', 'asyncssh'];
const GRID: Point[] = [
  { phones: 1000, concurrency: 100, latencyMs: 2000, clients: ALL },
  ...(args.includes('--quick')
    ? []
    : [{ phones: 10000, concurrency: 100, latencyMs: 2000, clients: ['unreg'] as ClientName[] }]),
  { phones: 1000, concurrency: 100, latencyMs: 0, clients: ALL },
];

function flagValue(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
}

function ensureAsyncssh(): void {
  if (!ALL.includes('asyncssh')) return;
  if (spawnSync(DEBIAN_PYTHON, ['-c', 'import asyncssh']).status === 0) return;
  console.log('python3-asyncssh is missing: installing it with apt-get (Debian package)...');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'python3-asyncssh'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0) throw new Error('could not install python3-asyncssh');
}

interface Simulator {
  readonly pid: number;
  readonly inventory: string;
  readonly hostsFile: string;
  stop(): Promise<string>;
}

async function startSimulator(point: Point, folder: string): Promise<Simulator> {
  const child = spawn(
    process.execPath,
    [CLI, 'simulate', '--phones', String(point.phones), '--latency', String(point.latencyMs), '--out', folder],
    { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ inventory: string; truth: string }>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', () => reject(new Error(`simulator exited: ${stderr}`)));
  });
  const truth = JSON.parse(readFileSync(ready.truth, 'utf8')) as { phones: { host: string; port: number }[] };
  const hostsFile = `${folder}/hosts.txt`;
  writeFileSync(hostsFile, truth.phones.map((phone) => `${phone.host} ${phone.port}\n`).join(''));
  return {
    pid: child.pid ?? 0,
    inventory: ready.inventory,
    hostsFile,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(stderr.trim().split('\n').pop() ?? ''));
        child.kill('SIGTERM');
      }),
  };
}

/** CPU (user+sys) a running process has used so far, from /proc. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

function clientCommand(client: ClientName, point: Point, simulator: Simulator, folder: string): string[] {
  const concurrency = String(point.concurrency);
  switch (client) {
    case 'unreg':
      // As users run it: the installed bin, through its #! line (node flags included).
      return [
        CLI,
        'sweep',
        simulator.inventory,
        '--concurrency',
        concurrency,
        '--known-hosts',
        `${folder}/known_hosts`,
        '--quiet',
        '-f',
        'json',
        '-o',
        `${folder}/report.json`,
      ];
    case 'bare':
      return [process.execPath, BARE, simulator.hostsFile, concurrency];
    case 'asyncssh':
      return [DEBIAN_PYTHON, ASYNCSSH, simulator.hostsFile, concurrency];
  }
}

function runClient(client: ClientName, point: Point, simulator: Simulator, folder: string): RunFigures {
  const resultFile = `${folder}/measured.json`;
  const simulatorBefore = processCpuMs(simulator.pid);
  const run = spawnSync(DEBIAN_PYTHON, [MEASURED_RUN, resultFile, ...clientCommand(client, point, simulator, folder)], {
    env: ENV,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const simulatorCpuMs = processCpuMs(simulator.pid) - simulatorBefore;
  const measured = JSON.parse(readFileSync(resultFile, 'utf8')) as RunFigures & { status: number };
  const read = phonesRead(client, run.stdout, folder);
  if (read !== point.phones) {
    throw new Error(`${client} read ${read} of ${point.phones} phones (status ${measured.status}): ${run.stderr}`);
  }
  return { wallMs: measured.wallMs, cpuMs: measured.cpuMs, maxRssKb: measured.maxRssKb, simulatorCpuMs };
}

function phonesRead(client: ClientName, stdout: string, folder: string): number {
  if (client === 'unreg') {
    return (JSON.parse(readFileSync(`${folder}/report.json`, 'utf8')) as { summary: { phones: { ok: number } } })
      .summary.phones.ok;
  }
  return (JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ok: number }).ok;
}

interface ClientSummary {
  readonly client: ClientName;
  readonly wallMs: number;
  readonly efficiency: number;
  readonly cpuPerPhoneMs: number;
  readonly peakRssMb: number;
  readonly simulatorCpuPerPhoneMs: number;
}

async function measurePoint(point: Point): Promise<ClientSummary[]> {
  const folder = `${WORK}/n${point.phones}-l${point.latencyMs}`;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const simulator = await startSimulator(point, folder);
  const figures = new Map<ClientName, RunFigures[]>(point.clients.map((client) => [client, []]));
  try {
    for (let run = 0; run < runs; run += 1) {
      // Rotate the order so that no client always runs first on a fresh simulator.
      const order = point.clients.map((_, i) => point.clients[(i + run) % point.clients.length] as ClientName);
      for (const client of order) {
        const result = runClient(client, point, simulator, folder);
        figures.get(client)?.push(result);
        console.log(
          `  run ${run + 1} ${client.padEnd(8)} wall ${(result.wallMs / 1000).toFixed(1)} s, cpu ${(result.cpuMs / point.phones).toFixed(2)} ms/phone, rss ${(result.maxRssKb / 1024).toFixed(0)} MB, simulator ${(result.simulatorCpuMs / point.phones).toFixed(2)} ms/phone`,
        );
      }
    }
  } finally {
    console.log(`  simulator: ${await simulator.stop()}`);
  }
  const boundMs = Math.ceil(point.phones / point.concurrency) * 2 * point.latencyMs;
  return point.clients.map((client) => {
    const list = figures.get(client) ?? [];
    const wallMs = median(list.map((f) => f.wallMs));
    return {
      client,
      wallMs,
      efficiency: boundMs === 0 ? Number.NaN : boundMs / wallMs,
      cpuPerPhoneMs: median(list.map((f) => f.cpuMs)) / point.phones,
      peakRssMb: median(list.map((f) => f.maxRssKb)) / 1024,
      simulatorCpuPerPhoneMs: median(list.map((f) => f.simulatorCpuMs)) / point.phones,
    };
  });
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? 'n/a' : (a / b).toFixed(2);
}

async function main(): Promise<void> {
  ensureAsyncssh();
  console.log(['bench:sweep', ...machineDescription(), `runs per client: ${runs} (median)`].join('\n'));
  const rows: string[] = [];
  const unregRss = new Map<number, number>();
  for (const point of GRID) {
    const bound = Math.ceil(point.phones / point.concurrency) * 2 * point.latencyMs;
    console.log(
      `\nN=${point.phones} C=${point.concurrency} latency ${point.latencyMs} ms + ${point.latencyMs} ms (bound ${bound / 1000} s)`,
    );
    const summaries = await measurePoint(point);
    const byClient = new Map(summaries.map((s) => [s.client, s]));
    for (const s of summaries) {
      rows.push(
        `| ${point.phones} | ${point.concurrency} | ${point.latencyMs}+${point.latencyMs} ms | ${s.client} | ${(s.wallMs / 1000).toFixed(1)} s | ${Number.isNaN(s.efficiency) ? 'n/a' : s.efficiency.toFixed(3)} | ${s.cpuPerPhoneMs.toFixed(2)} ms | ${s.peakRssMb.toFixed(0)} MB | ${s.simulatorCpuPerPhoneMs.toFixed(2)} ms |`,
      );
    }
    const unreg = byClient.get('unreg');
    if (unreg !== undefined && point.latencyMs > 0) unregRss.set(point.phones, unreg.peakRssMb);
    if (unreg !== undefined && (byClient.has('bare') || byClient.has('asyncssh'))) {
      rows.push(
        `|  |  |  | ratios | unreg/bare CPU ${ratio(unreg.cpuPerPhoneMs, byClient.get('bare')?.cpuPerPhoneMs)}, RSS ${ratio(unreg.peakRssMb, byClient.get('bare')?.peakRssMb)}; unreg/asyncssh CPU ${ratio(unreg.cpuPerPhoneMs, byClient.get('asyncssh')?.cpuPerPhoneMs)}, RSS ${ratio(unreg.peakRssMb, byClient.get('asyncssh')?.peakRssMb)} |  |  |  |  |`,
      );
    }
  }
  console.log(
    '\n| N | C | latency | client | wall (median) | efficiency | CPU per phone | peak RSS | simulator CPU per phone |',
  );
  console.log('|---:|---:|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  if (unregRss.has(1000) && unregRss.has(10000)) {
    console.log(`\nunreg peak RSS N=10000 / N=1000: ${ratio(unregRss.get(10000), unregRss.get(1000))}`);
  }
}

await main();
