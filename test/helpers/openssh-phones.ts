import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { HostKeyInfo } from '../../src/simulator/host-keys.js';
import { loopbackAddress } from '../../src/simulator/loopback-address.js';
import type { FailureMode } from '../../src/simulator/phone-modes.js';
import { sha256Fingerprint } from '../../src/simulator/ssh-wire.js';
import { descendants, endProcesses } from './process-tree.js';
import { writeShPhone } from './sh-phone.js';
import { SSHD_TEST_USER } from './sshd-test-user.js';

const run = promisify(execFile);

export const SSHD_PATH = '/usr/sbin/sshd';

/** What the sshd offers, each list in its config's syntax order. */
export interface SshdAlgorithms {
  readonly kex: readonly string[];
  readonly hostKey: readonly string[];
  readonly ciphers: readonly string[];
  readonly macs: readonly string[];
}

export interface OpenSshPhonesOptions {
  /** The simulated fleet the phones belong to (`unreg simulate --seed --phones`). */
  readonly seed: number;
  readonly fleetSize: number;
  /** The phones this sshd serves, each on its loopback address. */
  readonly indices: readonly number[];
  readonly algorithms: SshdAlgorithms;
  /** The phones' debug password (their SSH login is SSHD_TEST_USER). */
  readonly debugPassword: string;
  /** A failure mode of the phones' debug shell (the forced command's --mode); none by default. */
  readonly mode?: FailureMode;
  /** The phones' latency before the login: prompt and again before the output (bench:sweep); none by default. */
  readonly latencyMs?: number;
  /**
   * The forced command: `node`, the simulator's debug shell (every mode; the
   * default), or `sh`, a POSIX sh one (test/helpers/sh-phone.ts: healthy
   * phones only, ~1 ms of CPU a session instead of a node start: bench:sweep).
   */
  readonly phone?: 'node' | 'sh';
}

export interface OpenSshPhones {
  /** sshd's process: its CPU, and that of the sessions it has reaped, is the server's (bench:sweep). */
  readonly pid: number;
  readonly port: number;
  readonly hosts: readonly string[];
  readonly hostKey: HostKeyInfo;
  /** What sshd logged so far (stderr, LogLevel DEBUG1: one `kex:` line per choice). */
  log(): string;
  /**
   * Waits until the log past `from` (a length of an earlier log()) holds
   * `count` matches of `pattern`, and gives it: sshd's connection processes
   * log on their own time, possibly after the client is done.
   */
  logged(pattern: RegExp, count: number, from?: number): Promise<string>;
  /** Ends sshd and every process it started, and removes its folder. */
  close(): Promise<void>;
}

// The built src/ (tests run from dist/test/helpers/).
const BUILT_SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const PHONE_PROGRAM = 'simulator/forced-command-phone.js';
const START_TRIES = 5;
const START_TIMEOUT_MS = 10_000;
const LOG_TIMEOUT_MS = 10_000;

/**
 * OpenSSH's sshd (Debian's openssh-server) serving simulated phones, as a
 * child of the test: one loopback address per phone on a free port, its own
 * RSA host key, password login for SSHD_TEST_USER (see ensureSshdTestUser),
 * only the given algorithms, and a forced command that is the phone's debug
 * shell (src/simulator/forced-command-phone.ts). Everything lives in a
 * private temporary folder (sshd refuses keys others can read); the folder
 * is traversable so that the test user can run the copy of the built phone
 * program inside it, wherever the repository lies.
 */
export async function startOpenSshPhones(options: OpenSshPhonesOptions): Promise<OpenSshPhones> {
  const folder = await mkdtemp(join(tmpdir(), 'unreg-sshd-'));
  try {
    await chmod(folder, 0o711);
    const command = await writePhone(folder, options);
    const hostKey = await makeHostKey(join(folder, 'host_key'));
    // Debian's service makes it at boot; sshd refuses to start without it.
    await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
    const hosts = options.indices.map(loopbackAddress);
    const started = await startSshd(
      folder,
      hosts,
      (port) => sshdConfig(folder, hosts, port, options, command),
      options.algorithms,
    );
    const logged = (pattern: RegExp, count: number, from = 0) => waitForLog(started, pattern, count, from);
    const pid = started.child.pid ?? 0;
    return { ...started, pid, hosts, hostKey, logged, close: () => closeSshd(started.child, folder) };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The forced command's argv: the phone program, written into `folder`. */
async function writePhone(folder: string, options: OpenSshPhonesOptions): Promise<string[]> {
  if (options.phone !== 'sh') {
    await copyPhoneProgram(join(folder, 'phone'));
    return [
      process.execPath,
      join(folder, 'phone', PHONE_PROGRAM),
      ...['--seed', String(options.seed), '--phones', String(options.fleetSize)],
      ...['--latency', String(options.latencyMs ?? 0), ...(options.mode === undefined ? [] : ['--mode', options.mode])],
    ];
  }
  if (options.mode !== undefined) throw new Error(`the sh phone has no mode (${options.mode}): use the node one`);
  return writeShPhone(folder, { ...options, latencyMs: options.latencyMs ?? 0 });
}

/** The built sources without their maps: the phone program imports only the simulator's pure parts. */
async function copyPhoneProgram(target: string): Promise<void> {
  await cp(BUILT_SRC, target, { recursive: true, filter: (source) => !source.endsWith('.map') });
  await writeFile(join(target, 'package.json'), '{ "type": "module" }\n', { mode: 0o644 });
}

async function makeHostKey(path: string): Promise<HostKeyInfo> {
  // RSA: what old phone firmware has, and all that ssh-rsa can sign with.
  await run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', 'unreg-test-phone', '-f', path]);
  const publicKey = (await readFile(`${path}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
  const blob = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64');
  const fingerprint = sha256Fingerprint(blob, (data) => createHash('sha256').update(data).digest());
  return { type: 'ssh-rsa', fingerprint, publicKey };
}

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  log(): string;
}

// A free port can be taken by another test between the check and sshd's
// bind: sshd then says so, and another port is tried.
async function startSshd(
  folder: string,
  hosts: readonly string[],
  configText: (port: number) => string,
  algorithms?: SshdAlgorithms,
): Promise<Started> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= START_TRIES; attempt++) {
    const port = await freePortOnAll(hosts);
    const config = join(folder, 'sshd_config');
    await writeFile(config, configText(port), { mode: 0o600 });
    if (algorithms !== undefined) await checkConfig(config, algorithms);
    // -r: no re-exec of sshd for each connection, which is a fresh start of
    // sshd and OpenSSL 3 every time (~15 of the ~60 ms of CPU sshd spent per
    // session on a loaded machine: bench:sweep); what a client sees is the same.
    const child = spawn(SSHD_PATH, ['-D', '-e', '-r', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    const log = () => Buffer.concat(chunks).toString('utf8');
    const ready = await listening(child, log, hosts, port).catch(async (error: unknown) => {
      await endProcessTree(child);
      throw error;
    });
    if (ready) return { child, port, log };
    failures.push(log().trim());
    await endProcessTree(child);
  }
  throw new Error(`sshd did not start in ${START_TRIES} tries:\n${failures.join('\n---\n')}`);
}

function sshdConfig(
  folder: string,
  hosts: readonly string[],
  port: number,
  options: OpenSshPhonesOptions,
  command: readonly string[],
): string {
  const { kex, hostKey, ciphers, macs } = options.algorithms;
  return [
    ...hosts.map((host) => `ListenAddress ${host}:${port}`),
    `HostKey ${join(folder, 'host_key')}`,
    'PidFile none',
    'UsePAM no',
    'LogLevel DEBUG1',
    // Old firmware: only these.
    `KexAlgorithms ${kex.join(',')}`,
    `HostKeyAlgorithms ${hostKey.join(',')}`,
    `Ciphers ${ciphers.join(',')}`,
    `MACs ${macs.join(',')}`,
    // A phone: one user, a password, its shell and nothing else.
    `AllowUsers ${SSHD_TEST_USER.username}`,
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication no',
    'HostbasedAuthentication no',
    'PermitRootLogin no',
    'MaxAuthTries 3',
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'AllowStreamLocalForwarding no',
    'PermitTunnel no',
    'UseDNS no',
    // A sweep opens many sessions at once: the default (10:30:100) drops some at random.
    'MaxStartups 1000',
    `SetEnv UNREG_DEBUG_PASSWORD=${options.debugPassword}`,
    `ForceCommand exec ${command.map(shellQuote).join(' ')}`,
    '',
  ].join('\n');
}

/** `sshd -T`: the config is accepted, and sshd will offer exactly the algorithms asked for. */
async function checkConfig(config: string, algorithms: SshdAlgorithms): Promise<void> {
  const { stdout } = await run(SSHD_PATH, ['-T', '-f', config]).catch((error: { stderr?: string }) => {
    throw new Error(`sshd -T refused ${config}: ${error.stderr ?? error}`);
  });
  const wanted: Record<string, readonly string[]> = {
    kexalgorithms: algorithms.kex,
    hostkeyalgorithms: algorithms.hostKey,
    ciphers: algorithms.ciphers,
    macs: algorithms.macs,
  };
  for (const [keyword, names] of Object.entries(wanted)) {
    const line = stdout.split('\n').find((entry) => entry.startsWith(`${keyword} `));
    if (line !== `${keyword} ${names.join(',')}`) throw new Error(`sshd -T gives "${line}", not ${names.join(',')}`);
  }
}

/** Waits for sshd's "Server listening on HOST port PORT." for every host; false when a bind failed. */
function listening(child: ChildProcess, log: () => string, hosts: readonly string[], port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: boolean | Error) => {
      clearTimeout(timer);
      child.stderr?.off('data', check);
      child.off('exit', exited);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const check = () => {
      const text = log();
      if (/Bind to port \d+ on \S+ failed/.test(text)) finish(false);
      else if (hosts.every((host) => text.includes(`Server listening on ${host} port ${port}.`))) finish(true);
    };
    const exited = () => finish(false);
    const timer = setTimeout(
      () => finish(new Error(`sshd not listening after ${START_TIMEOUT_MS} ms:\n${log()}`)),
      START_TIMEOUT_MS,
    );
    child.stderr?.on('data', check);
    child.once('exit', exited);
    child.once('error', (error) => finish(new Error(`${SSHD_PATH}: ${error.message}`)));
  });
}

function waitForLog(sshd: Started, pattern: RegExp, count: number, from: number): Promise<string> {
  const global = new RegExp(pattern.source, 'g');
  return new Promise((resolve, reject) => {
    const check = () => {
      const text = sshd.log().slice(from);
      if ((text.match(global)?.length ?? 0) < count) return;
      clearTimeout(timer);
      sshd.child.stderr?.off('data', check);
      resolve(text);
    };
    const timer = setTimeout(() => {
      sshd.child.stderr?.off('data', check);
      reject(new Error(`sshd did not log ${count} times ${pattern} within ${LOG_TIMEOUT_MS} ms:\n${sshd.log()}`));
    }, LOG_TIMEOUT_MS);
    sshd.child.stderr?.on('data', check);
    check();
  });
}

/** A port free on every one of `hosts` right now. */
async function freePortOnAll(hosts: readonly string[]): Promise<number> {
  for (;;) {
    const first = await listen(hosts[0] ?? '127.0.0.1', 0);
    const port = (first.address() as { port: number }).port;
    const others = await Promise.all(hosts.slice(1).map((host) => listen(host, port).catch(() => null)));
    await Promise.all([first, ...others].map((server) => (server === null ? null : close(server))));
    if (others.every((server) => server !== null)) return port;
  }
}

function listen(host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function closeSshd(child: ChildProcess, folder: string): Promise<void> {
  await endProcessTree(child);
  await rm(folder, { recursive: true, force: true });
}

async function endProcessTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  await endProcesses([child.pid, ...(await descendants(child.pid))]);
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface OpenSshJumpHost {
  readonly host: string;
  readonly port: number;
  /** `user@host:port`, as an inventory's `jump:` names it. */
  readonly hop: string;
  /** The private key it accepts (a file the test made with ssh-keygen). */
  readonly identityFile: string;
  /** A key it does not accept. */
  readonly strangerIdentityFile: string;
  /** Its host key as a known_hosts line, and another key's line for the same name. */
  readonly knownHostsLine: string;
  readonly changedKnownHostsLine: string;
  log(): string;
  logged(pattern: RegExp, count: number, from?: number): Promise<string>;
  /**
   * Ends the processes of every connection it serves now (sshd's children),
   * as a bastion's restart or a dropped link would; it still listens.
   */
  dropConnections(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenSshJumpHostOptions {
  /** A private key (of another jump host) to accept instead of its own. */
  readonly trustedKeyFile?: string;
  /** Also accept SSHD_TEST_USER's password (see ensureSshdTestUser). */
  readonly passwordLogin?: boolean;
}

/**
 * OpenSSH's sshd as a jump host (a bastion) on one loopback address: key
 * login only for SSHD_TEST_USER with a key made here (and its password when
 * `passwordLogin`), TCP forwarding on, no shell (every session's command is
 * /bin/false), LogLevel DEBUG1 so that its log shows each login and each
 * forwarded channel.
 */
export async function startOpenSshJumpHost(
  host: string,
  { trustedKeyFile, passwordLogin = false }: OpenSshJumpHostOptions = {},
): Promise<OpenSshJumpHost> {
  const folder = await mkdtemp(join(tmpdir(), 'unreg-sshd-jump-'));
  try {
    await chmod(folder, 0o711);
    await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
    const keygen = (path: string) =>
      run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'unreg-test', '-f', path]);
    await Promise.all(
      ['host_key', 'other_host_key', 'user_key', 'stranger_key'].map((name) => keygen(join(folder, name))),
    );
    const publicKey = async (name: string) =>
      (await readFile(join(folder, `${name}.pub`), 'utf8')).split(' ').slice(0, 2).join(' ');
    const trusted =
      trustedKeyFile === undefined ? await publicKey('user_key') : await readFile(`${trustedKeyFile}.pub`, 'utf8');
    await writeFile(join(folder, 'authorized_keys'), `${trusted.trim()}\n`, { mode: 0o644 });
    const config = (port: number) =>
      [
        `ListenAddress ${host}:${port}`,
        `HostKey ${join(folder, 'host_key')}`,
        'PidFile none',
        'UsePAM no',
        'LogLevel DEBUG1',
        `AllowUsers ${SSHD_TEST_USER.username}`,
        `AuthorizedKeysFile ${join(folder, 'authorized_keys')}`,
        'PubkeyAuthentication yes',
        `PasswordAuthentication ${passwordLogin ? 'yes' : 'no'}`,
        'KbdInteractiveAuthentication no',
        'PermitRootLogin no',
        // The key lies under /tmp, which any user may write to.
        'StrictModes no',
        'AllowTcpForwarding yes',
        'X11Forwarding no',
        'PermitTTY no',
        'ForceCommand /bin/false',
        'UseDNS no',
        '',
      ].join('\n');
    const started = await startSshd(folder, [host], config);
    const name = `[${host}]:${started.port}`;
    return {
      host,
      port: started.port,
      hop: `${SSHD_TEST_USER.username}@${host}:${started.port}`,
      identityFile: trustedKeyFile ?? join(folder, 'user_key'),
      strangerIdentityFile: join(folder, 'stranger_key'),
      knownHostsLine: `${name} ${await publicKey('host_key')}`,
      changedKnownHostsLine: `${name} ${await publicKey('other_host_key')}`,
      log: started.log,
      logged: (pattern, count, from = 0) => waitForLog(started, pattern, count, from),
      dropConnections: async () => endProcesses(await descendants(started.child.pid ?? 0)),
      close: () => closeSshd(started.child, folder),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
