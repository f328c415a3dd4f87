// npm run bench:sweep: `unreg sweep` against the latency bound and against two
// baselines doing the same job on the same simulated fleet, in the same run:
// a bare ssh2 client (bench/baselines/bare-ssh2-sweep.ts) and Python asyncssh
// (bench/baselines/asyncssh_sweep.py). The simulator runs in its own process;
// every client runs under bench/baselines/measured_run.py, which reads CPU and
// peak RSS from the OS (getrusage of the children).
//
// The same clients also run against Debian's OpenSSH sshd serving the same
// phones (test/helpers/openssh-phones.ts: the phone's shell as sshd's forced
// command, 16 phones per sshd, as many sshds as it takes), as real phones run
// an OpenSSH-style server; and unreg alone at C=500 and C=1000, and N=10000.
//
// Options: --runs N (default 3; sshd 2, N=10000 once), --only unreg,bare,asyncssh,
// --points LABEL,... (base, sshd, nolatency, sshd-nolatency, c500, c1000; n10000 only this way),
// --phones N (every point with N phones: a smoke run)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type OpenSshPhones, startOpenSshPhones } from '../test/helpers/openssh-phones.js';
import { ensureSshdTestUser, SSHD_TEST_USER } from '../test/helpers/sshd-test-user.js';
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
type ServerName = 'simulator' | 'sshd';
interface Point {
  readonly label: string;
  readonly server: ServerName;
  readonly phones: number;
  readonly concurrency: number;
  readonly latencyMs: number;
  readonly clients: readonly ClientName[];
  /** Runs of each client, when not --runs (default 3). */
  readonly runs?: number;
}
interface RunFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKb: number;
  readonly serverCpuMs: number;
}

const args = process.argv.slice(2);
const RUNS = flagValue('--runs');
const only = flagValue('--only')?.split(',') as ClientName[] | undefined;
const ALL: ClientName[] = only ?? ['unreg', 'bare', 'asyncssh'];
const SMOKE_PHONES = flagValue('--phones');
const ONLY_POINTS = flagValue('--points')?.split(',');
// 19-26 minutes on 2 idle cores: 1 s + 1 s of latency at C=100 (a 20 s
// bound); 2 s + 2 s at C=500 and C=1000, whose client and simulator would
// otherwise need more than 2 cores (1000 x ~5.7 ms of CPU every 2 s); 2 runs
// on sshd, whose CPU per session bounds those points. N=10000 only when named.
const LATENCY_MS = 1000;
const FULL_GRID: Point[] = [
  { label: 'base', server: 'simulator', phones: 1000, concurrency: 100, latencyMs: LATENCY_MS, clients: ALL },
  { label: 'sshd', server: 'sshd', phones: 1000, concurrency: 100, latencyMs: LATENCY_MS, clients: ALL, runs: 2 },
  { label: 'nolatency', server: 'simulator', phones: 1000, concurrency: 100, latencyMs: 0, clients: ALL },
  { label: 'sshd-nolatency', server: 'sshd', phones: 1000, concurrency: 100, latencyMs: 0, clients: ALL, runs: 2 },
  { label: 'c500', server: 'simulator', phones: 5000, concurrency: 500, latencyMs: 2 * LATENCY_MS, clients: ['unreg'] },
  {
    label: 'c1000',
    server: 'simulator',
    phones: 5000,
    concurrency: 1000,
    latencyMs: 2 * LATENCY_MS,
    clients: ['unreg'],
  },
];
const N10000: Point = {
  label: 'n10000',
  server: 'simulator',
  phones: 10000,
  concurrency: 100,
  latencyMs: LATENCY_MS / 2,
  clients: ['unreg'],
  runs: 1,
};
const GRID: Point[] = (ONLY_POINTS === undefined ? FULL_GRID : [...FULL_GRID, N10000])
  .filter((point) => ONLY_POINTS?.includes(point.label) ?? true)
  .map((point) => (SMOKE_PHONES === undefined ? point : { ...point, phones: Number(SMOKE_PHONES) }));

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

/** The phones a point's clients read: the simulator, or sshd's. */
interface PhoneServer {
  readonly inventory: string;
  readonly hostsFile: string;
  /** The clients' environment: the passwords (and user) these phones take. */
  readonly env: NodeJS.ProcessEnv;
  /** CPU the server has used so far. */
  cpuMs(): number;
  /** Ends it; gives its last words (the simulator's statistics, sshd's negotiated algorithms). */
  stop(): Promise<string>;
  /** sshd's: where its logs end now, and what was negotiated after such a mark (one client's run). */
  logMark?(): number[];
  negotiatedSince?(mark: number[]): string;
}

function startServer(point: Point, folder: string): Promise<PhoneServer> {
  return point.server === 'sshd' ? startSshdPhones(point, folder) : startSimulator(point, folder);
}

async function startSimulator(point: Point, folder: string): Promise<PhoneServer> {
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
    inventory: ready.inventory,
    hostsFile,
    env: ENV,
    cpuMs: () => processCpuMs(child.pid ?? 0),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(stderr.trim().split('\n').pop() ?? ''));
        child.kill('SIGTERM');
      }),
  };
}

// sshd listens on at most 16 addresses (MAX_LISTEN_SOCKS), and each phone has its own.
const PHONES_PER_SSHD = 16;
const SSHD_SEED = 1;

/**
 * The point's phones served by Debian's sshd, as many sshds as it takes, each
 * offering what it offers by default (`sshd -T`), its host key being RSA (as
 * on phones): the clients negotiate as they would by default.
 */
async function startSshdPhones(point: Point, folder: string): Promise<PhoneServer> {
  ensureSshdTestUser();
  const algorithms = sshdDefaults();
  const servers: OpenSshPhones[] = [];
  try {
    for (let first = 0; first < point.phones; first += PHONES_PER_SSHD) {
      const indices = Array.from({ length: Math.min(PHONES_PER_SSHD, point.phones - first) }, (_, i) => first + i);
      servers.push(
        await startOpenSshPhones({
          seed: SSHD_SEED,
          fleetSize: point.phones,
          indices,
          algorithms,
          debugPassword: 'debug',
          latencyMs: point.latencyMs,
          // A node process per session would cost sshd's side ~50 ms of CPU: the server would be the limit.
          phone: 'sh',
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const phones = servers.flatMap((server) => server.hosts.map((host) => ({ host, port: server.port })));
  const inventory = `${folder}/inventory.yaml`;
  writeFileSync(
    inventory,
    [
      'defaults:',
      `  username: ${SSHD_TEST_USER.username}`,
      ...['phones:', ...phones.map((phone) => `  - { host: ${phone.host}, port: ${phone.port} }`)],
      '',
    ].join('\n'),
  );
  const hostsFile = `${folder}/hosts.txt`;
  writeFileSync(hostsFile, phones.map((phone) => `${phone.host} ${phone.port}\n`).join(''));
  return {
    inventory,
    hostsFile,
    env: {
      ...process.env,
      UNREG_SSH_USER: SSHD_TEST_USER.username,
      UNREG_SSH_PASSWORD: SSHD_TEST_USER.password,
      UNREG_DEBUG_PASSWORD: 'debug',
    },
    cpuMs: () => servers.reduce((sum, server) => sum + processCpuMs(server.pid, true), 0),
    logMark: () => servers.map((server) => server.log().length),
    negotiatedSince: (mark) =>
      negotiatedAlgorithms(servers.map((server, at) => server.log().slice(mark[at])).join('\n')),
    stop: async () => {
      // sshd's session processes log on their own time.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const negotiated = negotiatedAlgorithms(servers.map((server) => server.log()).join('\n'));
      await Promise.all(servers.map((server) => server.close()));
      return negotiated;
    },
  };
}

/** What Debian's sshd offers by default, host keys narrowed to what an RSA key signs. */
function sshdDefaults(): { kex: string[]; hostKey: string[]; ciphers: string[]; macs: string[] } {
  const config = spawnSync('/usr/sbin/sshd', ['-T', '-f', '/dev/null'], { encoding: 'utf8' }).stdout;
  const list = (keyword: string) =>
    (config.split('\n').find((line) => line.startsWith(`${keyword} `)) ?? '').split(' ')[1]?.split(',') ?? [];
  return {
    kex: list('kexalgorithms'),
    hostKey: list('hostkeyalgorithms').filter((name) => name === 'rsa-sha2-512' || name === 'rsa-sha2-256'),
    ciphers: list('ciphers'),
    macs: list('macs'),
  };
}

/** sshd's DEBUG1 `kex:` lines, counted: which key exchange, host key and cipher the clients got. */
function negotiatedAlgorithms(log: string): string {
  const counts = new Map<string, number>();
  for (const match of log.matchAll(
    /kex: (algorithm|host key algorithm|client->server cipher): (\S+)(?: MAC: (\S+))?/g,
  )) {
    const mac = match[3] === undefined || match[3] === '<implicit>' ? '' : ` + ${match[3]}`;
    const key = `${match[1]} ${match[2]}${mac}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `sshd negotiated: ${[...counts].map(([key, count]) => `${key} x${count}`).join(', ')}`;
}

/**
 * CPU (user+sys) a running process has used so far, from /proc; with
 * `reaped`, that of the children it has waited for too (sshd's sessions).
 */
function processCpuMs(pid: number, reaped = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime, stime (fields 14 and 15), cutime, cstime (16 and 17)
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The open-file limit the clients inherit (node raises its own soft limit to the hard one). */
function openFileLimit(): string {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('Max open files'));
  return line?.replace(/\s+/g, ' ').trim() ?? 'unknown';
}

function clientCommand(client: ClientName, point: Point, simulator: PhoneServer, folder: string): string[] {
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

// Asynchronous on purpose: the bench's event loop must keep reading sshd's
// log (stderr, LogLevel DEBUG1, ~8 KB a session) while a client runs. Under
// spawnSync nothing read it: once the pipe's buffer was full, every sshd
// process blocked in write(2) on its log, mid-handshake, and the clients
// timed out (`SSH handshake: not done within 10 s`, `Broken pipe [preauth]`).
async function runClient(
  client: ClientName,
  point: Point,
  simulator: PhoneServer,
  folder: string,
): Promise<RunFigures> {
  const resultFile = `${folder}/measured.json`;
  const simulatorBefore = simulator.cpuMs();
  const run = await runChild(
    DEBIAN_PYTHON,
    [MEASURED_RUN, resultFile, ...clientCommand(client, point, simulator, folder)],
    simulator.env,
  );
  const serverCpuMs = simulator.cpuMs() - simulatorBefore;
  const measured = JSON.parse(readFileSync(resultFile, 'utf8')) as RunFigures & { status: number };
  const read = phonesRead(client, run.stdout, folder);
  if (read !== point.phones) {
    throw new Error(`${client} read ${read} of ${point.phones} phones (status ${measured.status}): ${run.stderr}`);
  }
  return { wallMs: measured.wallMs, cpuMs: measured.cpuMs, maxRssKb: measured.maxRssKb, serverCpuMs };
}

function runChild(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', () =>
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
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
  readonly serverCpuPerPhoneMs: number;
}

async function measurePoint(point: Point): Promise<ClientSummary[]> {
  const folder = `${WORK}/${point.label}-n${point.phones}`;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const simulator = await startServer(point, folder);
  const figures = new Map<ClientName, RunFigures[]>(point.clients.map((client) => [client, []]));
  try {
    const runs = RUNS === undefined ? (point.runs ?? 3) : Number(RUNS);
    for (let run = 0; run < runs; run += 1) {
      // Rotate the order so that no client always runs first on a fresh simulator.
      const order = point.clients.map((_, i) => point.clients[(i + run) % point.clients.length] as ClientName);
      for (const client of order) {
        const mark = simulator.logMark?.();
        const result = await runClient(client, point, simulator, folder);
        figures.get(client)?.push(result);
        if (mark !== undefined && run === 0) console.log(`  ${client}: ${simulator.negotiatedSince?.(mark)}`);
        console.log(
          `  run ${run + 1} ${client.padEnd(8)} wall ${(result.wallMs / 1000).toFixed(1)} s, cpu ${(result.cpuMs / point.phones).toFixed(2)} ms/phone, rss ${(result.maxRssKb / 1024).toFixed(0)} MB, ${point.server} ${(result.serverCpuMs / point.phones).toFixed(2)} ms/phone`,
        );
      }
    }
  } finally {
    console.log(`  ${point.server}: ${await simulator.stop()}`);
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
      serverCpuPerPhoneMs: median(list.map((f) => f.serverCpuMs)) / point.phones,
    };
  });
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? 'n/a' : (a / b).toFixed(2);
}

async function main(): Promise<void> {
  const started = performance.now();
  ensureAsyncssh();
  console.log(
    [
      'bench:sweep',
      ...machineDescription(),
      `open files: ${openFileLimit()}`,
      `runs per client: ${RUNS ?? '3 (sshd: 2, N=10000: 1)'} (median)`,
    ].join('\n'),
  );
  const rows: string[] = [];
  const unregRss = new Map<number, number>();
  for (const point of GRID) {
    const bound = Math.ceil(point.phones / point.concurrency) * 2 * point.latencyMs;
    console.log(
      `\n${point.label} (${point.server}): N=${point.phones} C=${point.concurrency} latency ${point.latencyMs} ms + ${point.latencyMs} ms (bound ${bound / 1000} s)`,
    );
    const summaries = await measurePoint(point);
    const byClient = new Map(summaries.map((s) => [s.client, s]));
    for (const s of summaries) {
      rows.push(
        `| ${point.server} | ${point.phones} | ${point.concurrency} | ${point.latencyMs}+${point.latencyMs} ms | ${s.client} | ${(s.wallMs / 1000).toFixed(1)} s | ${Number.isNaN(s.efficiency) ? 'n/a' : s.efficiency.toFixed(3)} | ${s.cpuPerPhoneMs.toFixed(2)} ms | ${s.peakRssMb.toFixed(0)} MB | ${s.serverCpuPerPhoneMs.toFixed(2)} ms |`,
      );
    }
    const unreg = byClient.get('unreg');
    if (unreg !== undefined && point.server === 'simulator' && point.concurrency === 100 && point.latencyMs > 0) {
      unregRss.set(point.phones, unreg.peakRssMb);
    }
    if (unreg !== undefined && (byClient.has('bare') || byClient.has('asyncssh'))) {
      rows.push(
        `|  |  |  |  | ratios | unreg/bare CPU ${ratio(unreg.cpuPerPhoneMs, byClient.get('bare')?.cpuPerPhoneMs)}, RSS ${ratio(unreg.peakRssMb, byClient.get('bare')?.peakRssMb)}; unreg/asyncssh CPU ${ratio(unreg.cpuPerPhoneMs, byClient.get('asyncssh')?.cpuPerPhoneMs)}, RSS ${ratio(unreg.peakRssMb, byClient.get('asyncssh')?.peakRssMb)} |  |  |  |  |`,
      );
    }
  }
  console.log(
    '\n| server | N | C | latency | client | wall (median) | efficiency | CPU per phone | peak RSS | server CPU per phone |',
  );
  console.log('|---|---:|---:|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(`\nthe grid took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  if (unregRss.has(1000) && unregRss.has(10000)) {
    console.log(`\nunreg peak RSS N=10000 / N=1000: ${ratio(unregRss.get(10000), unregRss.get(1000))}`);
  }
}

await main();
