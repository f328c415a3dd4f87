import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Algorithms } from 'ssh2';
import type { ParsedAlarm } from '../parser/parsed-alarm.js';
import { coalesceWrites } from '../ssh/coalesced-writes.js';
import ssh2 from '../ssh/ssh2-library.js';
import type { PhonePlan } from './fleet-plan.js';
import { ed25519HostKey, legacyRsaHostKey, type SimulatorHostKey, serverHostKey } from './host-keys.js';
import { type PhoneBehaviour, servePhoneConnection } from './phone-connection.js';
import { PhoneOutput } from './phone-output.js';
import type { SessionStats } from './session-stats.js';
import { CP6900_DEBUG_LOGIN } from './simulator-credentials.js';

const { Server } = ssh2;

/** What every phone of a fleet shares. */
export interface PhoneSettings {
  readonly seed: number;
  readonly username: string;
  readonly password: string;
  readonly debugUsername: string;
  readonly debugPassword: string;
  readonly loginLatencyMs: number;
  readonly outputLatencyMs: number;
  /** Added before each step of a `slow` phone. */
  readonly slowStepMs: number;
}

// Old firmware: nothing newer than these (the SSH issue's legacy list).
const LEGACY_ALGORITHMS: Algorithms = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
  compress: ['none'],
};
const LEGACY_IDENT = 'OpenSSH_5.3';
const MODERN_IDENT = 'OpenSSH_8.6';

/**
 * One phone: a TCP listener on its loopback address whose connections go to
 * an ssh2 Server holding the phone's host key. The ssh2 Server is made on
 * the first connection (most of a large fleet's cost would otherwise be
 * paid at start-up) and again after a host key change.
 */
export class SimulatedPhone {
  #plan: PhonePlan;
  readonly #settings: PhoneSettings;
  readonly #stats: SessionStats;
  #behaviour: PhoneBehaviour;
  readonly #sockets = new Map<string, Socket>();
  #generation: number;
  #hostKey: SimulatorHostKey | null = null;
  #server: InstanceType<typeof Server> | null = null;
  #listener: NetServer | null = null;

  constructor(plan: PhonePlan, settings: PhoneSettings, stats: SessionStats, keyGeneration: number) {
    this.#plan = plan;
    this.#settings = settings;
    this.#stats = stats;
    this.#behaviour = phoneBehaviour(plan, settings, stats);
    this.#generation = keyGeneration;
  }

  get plan(): PhonePlan {
    return this.#plan;
  }

  /** What `show unreg` prints from the next session on: a new unregistration added, or none after a power cycle. */
  setAlarms(alarms: readonly ParsedAlarm[]): void {
    this.#plan = { ...this.#plan, alarms };
    this.#behaviour = phoneBehaviour(this.#plan, this.#settings, this.#stats);
  }

  /** Unplugged: stops listening, so that connections are refused, as the `refused` mode's are. */
  unplug(): Promise<void> {
    this.#plan = { ...this.#plan, mode: 'refused' };
    return this.close();
  }

  /** The host key clients see now. */
  hostKey(): SimulatorHostKey {
    const { seed } = this.#settings;
    this.#hostKey ??= this.plan.legacy
      ? legacyRsaHostKey(seed, this.#generation)
      : ed25519HostKey(seed, this.plan.index, this.#generation);
    return this.#hostKey;
  }

  /** As if the phone were re-imaged: new sessions see a new host key. */
  changeHostKey(): void {
    this.#generation += 1;
    this.#hostKey = null;
    this.#server = null;
  }

  /** Listens on the phone's address; resolves with the port, rejects on a bind error. */
  listen(port: number): Promise<number> {
    const listener = createServer({ noDelay: true }, (socket) => this.#accept(socket));
    this.#listener = listener;
    return new Promise((resolve, reject) => {
      listener.once('error', reject);
      listener.listen({ host: this.plan.host, port, exclusive: true }, () => {
        listener.off('error', reject);
        const address = listener.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  /** Stops listening and ends every session at once. */
  close(): Promise<void> {
    const listener = this.#listener;
    this.#listener = null;
    for (const socket of this.#sockets.values()) socket.destroy();
    if (listener === null || !listener.listening) return Promise.resolve();
    return new Promise((resolve) => listener.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    const id = `${socket.remoteAddress}:${socket.remotePort}`;
    this.#sockets.set(id, socket);
    socket.once('close', () => this.#sockets.delete(id));
    socket.on('error', () => {});
    coalesceWrites(socket);
    this.#sshServer().injectSocket(socket);
  }

  #sshServer(): InstanceType<typeof Server> {
    if (this.#server === null) {
      const legacy = this.plan.legacy;
      this.#server = new Server(
        {
          hostKeys: [{ key: serverHostKey(this.hostKey()) }],
          ident: legacy ? LEGACY_IDENT : MODERN_IDENT,
          ...(legacy ? { algorithms: LEGACY_ALGORITHMS } : {}),
        },
        (client, info) => servePhoneConnection(client, this.#sockets.get(`${info.ip}:${info.port}`), this.#behaviour),
      );
    }
    return this.#server;
  }
}

/** What the phone's mode and the fleet's settings make of its logins, delays and output. */
function phoneBehaviour(plan: PhonePlan, settings: PhoneSettings, stats: SessionStats): PhoneBehaviour {
  const { username, password, loginLatencyMs, outputLatencyMs } = settings;
  const { debugUsername, debugPassword } = plan.cp6900 ? CP6900_DEBUG_LOGIN : settings;
  const slow = plan.mode === 'slow' ? settings.slowStepMs : 0;
  return {
    index: plan.index,
    username,
    password: plan.mode === 'wrong-ssh-password' ? otherPassword(password) : password,
    authDelayMs: slow,
    stats,
    shell: {
      mode: plan.mode,
      debugUsername,
      debugPassword: WRONG_DEBUG_PASSWORD.has(plan.mode) ? otherPassword(debugPassword) : debugPassword,
      timings: {
        loginPromptMs: loginLatencyMs + slow,
        passwordPromptMs: slow,
        commandPromptMs: slow,
        outputMs: outputLatencyMs + slow,
      },
      output: new PhoneOutput(plan.alarms),
    },
  };
}

const WRONG_DEBUG_PASSWORD: ReadonlySet<string> = new Set(['wrong-debug-password', 'debug-login-closes']);

/** The password a misconfigured phone expects instead: never the one the fleet uses. */
function otherPassword(password: string): string {
  return `${password}-not-this-one`;
}
