import type { ParsedAlarm } from '../parser/parsed-alarm.js';
import { openFileLimit } from '../system/open-file-limit.js';
import { type FleetFiles, writeFleetFiles } from './fleet-files.js';
import { type PhonePlan, planFleet } from './fleet-plan.js';
import { type FleetTruth, type PhoneTruth, phoneTruth, truthIncidents } from './fleet-truth.js';
import { hostKeyInfo, legacyRsaHostKey } from './host-keys.js';
import type { FailureMode } from './phone-modes.js';
import { SimulatedPhone } from './phone-server.js';
import { SessionStats, type SessionStatsSnapshot } from './session-stats.js';
import { credentialsFromEnv, type SimulatorCredentials } from './simulator-credentials.js';

export interface FleetOptions {
  readonly phones: number;
  /** Default 1. */
  readonly seed?: number;
  /** One port for every phone; 0 (default) finds one free on all their addresses. */
  readonly port?: number;
  /** Delay before `login:` (default 0). */
  readonly loginLatencyMs?: number;
  /** Delay before the `show unreg` output (default 0). */
  readonly outputLatencyMs?: number;
  /** Added before each step of a `slow` phone (default 2000). */
  readonly slowStepMs?: number;
  /** How many phones offer only old algorithms (default 0). */
  readonly legacy?: number;
  /** How many phones are 6900 series, logging into the debug shell as admin with an empty password (default 0). */
  readonly cp6900?: number;
  /** How many phones fail in each way (each on distinct phones). */
  readonly failures?: Partial<Record<FailureMode, number>>;
  /** Phones (by index) whose host key is not the one their seed gives: a re-imaged phone. */
  readonly changedHostKeys?: readonly number[];
  /** Default: from UNREG_SSH_PASSWORD / UNREG_DEBUG_PASSWORD, else fixed fakes. */
  readonly credentials?: SimulatorCredentials;
}

export interface SimulatedFleet {
  readonly port: number;
  readonly seed: number;
  readonly phones: readonly PhonePlan[];
  readonly credentials: SimulatorCredentials;
  /** What a correct client reports for each phone (made when first read). */
  readonly truth: FleetTruth;
  stats(): SessionStatsSnapshot;
  /** Sessions the phone at `index` has served. */
  sessionsOf(index: number): number;
  /** SSH passwords its `silent-after-ssh-password` phones took and never answered. */
  passwordsHeld(): number;
  /** Counts the sessions open at once to these phones together; gives the most seen (SessionStats.watchOpen). */
  watchOpen(indices: readonly number[]): () => number;
  /** New sessions of the phone at `index` see another host key. */
  changeHostKey(index: number): void;
  /** The phone at `index` holds these alarms from now on (it unregistered again, or was power-cycled: none). */
  setAlarms(index: number, alarms: readonly ParsedAlarm[]): void;
  /** The phone at `index` stops answering: connections to it are refused. */
  unplug(index: number): Promise<void>;
  /** Writes `inventory.yaml` and `truth.json` into the folder. */
  writeFiles(folder: string): Promise<FleetFiles>;
  /** Stops every listener and ends every session; resolves when all are closed. */
  close(): Promise<void>;
}

const DEFAULT_SLOW_STEP_MS = 2000;
// Files the process needs besides one listener per phone: stdio, the
// sessions being served, files being written.
const SPARE_FILES = 256;
const PORT_ATTEMPTS = 20;

/** Starts a fleet of simulated phones on loopback; resolves once every phone listens. */
export async function startSimulatedFleet(options: FleetOptions): Promise<SimulatedFleet> {
  const seed = options.seed ?? 1;
  const plans = planFleet({
    phones: options.phones,
    seed,
    legacy: options.legacy ?? 0,
    cp6900: options.cp6900 ?? 0,
    failures: options.failures ?? {},
  });
  const credentials = options.credentials ?? credentialsFromEnv(process.env);
  const stats = new SessionStats(plans.length);
  const changed = new Set(options.changedHostKeys ?? []);
  const settings = {
    seed,
    ...credentials,
    loginLatencyMs: options.loginLatencyMs ?? 0,
    outputLatencyMs: options.outputLatencyMs ?? 0,
    slowStepMs: options.slowStepMs ?? DEFAULT_SLOW_STEP_MS,
  };
  const phones = plans.map((plan) => new SimulatedPhone(plan, settings, stats, changed.has(plan.index) ? 1 : 0));
  const listening = phones.filter((phone) => phone.plan.mode !== 'refused');
  checkOpenFiles(listening.length);
  // The shared RSA key takes a few hundred ms: made now, not in a session.
  if (listening.some((phone) => phone.plan.legacy)) legacyRsaHostKey(seed, 0);
  const port = await listenAll(listening, options.port ?? 0);
  return new Fleet(port, seed, phones, credentials, stats);
}

class Fleet implements SimulatedFleet {
  readonly port: number;
  readonly seed: number;
  readonly credentials: SimulatorCredentials;
  readonly #phones: readonly SimulatedPhone[];
  readonly #stats: SessionStats;
  #truth: FleetTruth | null = null;
  #closing: Promise<void> | null = null;

  constructor(
    port: number,
    seed: number,
    phones: SimulatedPhone[],
    credentials: SimulatorCredentials,
    stats: SessionStats,
  ) {
    this.port = port;
    this.seed = seed;
    this.#phones = phones;
    this.credentials = credentials;
    this.#stats = stats;
  }

  get phones(): readonly PhonePlan[] {
    return this.#phones.map((phone) => phone.plan);
  }

  get truth(): FleetTruth {
    this.#truth ??= {
      seed: this.seed,
      port: this.port,
      phones: this.#phones.map((phone) => this.#truthOf(phone)),
      incidents: truthIncidents(this.phones),
    };
    return this.#truth;
  }

  stats(): SessionStatsSnapshot {
    return this.#stats.snapshot();
  }

  watchOpen(indices: readonly number[]): () => number {
    return this.#stats.watchOpen(indices);
  }

  sessionsOf(index: number): number {
    return this.#stats.sessionsOf(index);
  }

  passwordsHeld(): number {
    return this.#stats.passwordsHeld();
  }

  changeHostKey(index: number): void {
    this.#phone(index).changeHostKey();
    this.#truth = null;
  }

  setAlarms(index: number, alarms: readonly ParsedAlarm[]): void {
    this.#phone(index).setAlarms(alarms);
    this.#truth = null;
  }

  unplug(index: number): Promise<void> {
    this.#truth = null;
    return this.#phone(index).unplug();
  }

  #phone(index: number): SimulatedPhone {
    const phone = this.#phones[index];
    if (phone === undefined) throw new RangeError(`no phone at index ${index}`);
    return phone;
  }

  writeFiles(folder: string): Promise<FleetFiles> {
    const defaults = {
      port: this.port,
      username: this.credentials.username,
      debugUsername: this.credentials.debugUsername,
    };
    const truthOf = (plan: PhonePlan): PhoneTruth => {
      const phone = this.#phones[plan.index];
      if (phone === undefined) throw new RangeError(`no phone at index ${plan.index}`);
      return this.#truthOf(phone);
    };
    const header = { seed: this.seed, incidents: truthIncidents(this.phones) };
    return writeFleetFiles(folder, this.phones, defaults, header, truthOf);
  }

  close(): Promise<void> {
    this.#closing ??= Promise.all(this.#phones.map((phone) => phone.close())).then(() => undefined);
    return this.#closing;
  }

  #truthOf(phone: SimulatedPhone): PhoneTruth {
    return phoneTruth(phone.plan, this.port, hostKeyInfo(phone.hostKey()));
  }
}

function checkOpenFiles(listeners: number): void {
  const limit = openFileLimit();
  const needed = listeners + SPARE_FILES;
  if (limit !== null && limit < needed) {
    throw new Error(
      `${listeners} listening phones need about ${needed} open files, but this process may open ${limit}: ` +
        'raise the hard limit (ulimit -Hn) or simulate fewer phones',
    );
  }
}

/**
 * Every phone on one port. Port 0: the first phone takes one the system
 * picks, the others follow on it; when another program holds that port on
 * some phone's address, start again with a new one.
 */
async function listenAll(phones: readonly SimulatedPhone[], requested: number): Promise<number> {
  const [first, ...others] = phones;
  if (first === undefined) return requested;
  for (let attempt = 1; ; attempt++) {
    const results: PromiseSettledResult<number>[] = [];
    try {
      const port = await first.listen(requested);
      results.push(...(await Promise.allSettled(others.map((phone) => phone.listen(port)))));
      const failed = results.find((result) => result.status === 'rejected');
      if (failed === undefined) return port;
      throw failed.reason;
    } catch (error) {
      await Promise.all(phones.map((phone) => phone.close()));
      const code = (error as NodeJS.ErrnoException).code;
      if (requested !== 0 || code !== 'EADDRINUSE' || attempt >= PORT_ATTEMPTS) throw listenError(error, requested);
    }
  }
}

function listenError(error: unknown, port: number): Error {
  const { code, address, port: errorPort } = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = address === undefined ? `port ${port}` : `${address}:${errorPort ?? port}`;
  const why = code === 'EADDRINUSE' ? 'the address is in use' : ((error as Error).message ?? String(error));
  return new Error(`cannot listen on ${where}: ${why}`);
}
