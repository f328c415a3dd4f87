import { createServer, type Server as NetServer, type Socket } from 'node:net';
import ssh2, { type Algorithms, type AuthContext, type Connection, type ServerChannel, type Session } from 'ssh2';
import { coalesceWrites } from './coalesced-writes.js';
import type { PhonePlan } from './fleet-plan.js';
import { ed25519HostKey, type HostKey, legacyRsaHostKey, serverHostKey } from './host-keys.js';
import { PhoneOutput } from './phone-output.js';
import { PhoneShell, type ShellIo, type ShellSettings } from './phone-shell.js';
import type { SessionStats } from './session-stats.js';

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
const AUTH_METHODS: ['password', 'keyboard-interactive'] = ['password', 'keyboard-interactive'];

/**
 * One phone: a TCP listener on its loopback address whose connections go to
 * an ssh2 Server holding the phone's host key. The ssh2 Server is made on
 * the first connection (most of a large fleet's cost would otherwise be
 * paid at start-up) and again after a host key change.
 */
export class SimulatedPhone {
  readonly plan: PhonePlan;
  readonly #settings: PhoneSettings;
  readonly #stats: SessionStats;
  readonly #output: PhoneOutput;
  readonly #sockets = new Map<string, Socket>();
  #generation: number;
  #hostKey: HostKey | null = null;
  #server: InstanceType<typeof Server> | null = null;
  #listener: NetServer | null = null;

  constructor(plan: PhonePlan, settings: PhoneSettings, stats: SessionStats, keyGeneration: number) {
    this.plan = plan;
    this.#settings = settings;
    this.#stats = stats;
    this.#output = new PhoneOutput(plan.alarms);
    this.#generation = keyGeneration;
  }

  /** The host key clients see now. */
  hostKey(): HostKey {
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
        (client, info) => this.#session(client, this.#sockets.get(`${info.ip}:${info.port}`)),
      );
    }
    return this.#server;
  }

  #session(client: Connection, socket: Socket | undefined): void {
    const endCount = this.#stats.opened(this.plan.index);
    const timers = new Set<NodeJS.Timeout>();
    let shell: PhoneShell | null = null;
    const finish = () => {
      endCount();
      for (const timer of timers) clearTimeout(timer);
      shell?.close();
    };
    client.on('error', () => {});
    client.once('end', finish);
    client.once('close', finish);
    socket?.once('end', finish);
    const later = (ms: number, step: () => void) => {
      if (ms <= 0) return step();
      const timer = setTimeout(() => {
        timers.delete(timer);
        step();
      }, ms);
      timers.add(timer);
    };
    client.on('authentication', (context) => this.#authenticate(context, later));
    client.on('session', (accept) => {
      const session = accept();
      this.#acceptPty(session);
      session.once('shell', (acceptShell) => {
        shell = this.#startShell(acceptShell(), client, socket, finish);
      });
    });
  }

  #authenticate(context: AuthContext, later: (ms: number, step: () => void) => void): void {
    const decide = (password: string) =>
      later(this.#slowMs(), () => {
        if (context.username === this.#settings.username && password === this.#expectedPassword()) {
          context.accept();
        } else {
          this.#stats.authFailed();
          context.reject(AUTH_METHODS);
        }
      });
    if (context.method === 'password') decide(context.password);
    else if (context.method === 'keyboard-interactive') {
      context.prompt([{ prompt: 'Password: ', echo: false }], (answers) => decide(answers[0] ?? ''));
    } else context.reject(AUTH_METHODS);
  }

  #acceptPty(session: Session): void {
    session.on('pty', (accept) => accept?.());
    session.on('window-change', (accept) => accept?.());
    session.on('env', (accept) => accept?.());
    // The debug shell is all a phone offers.
    session.on('exec', (_accept, reject) => reject?.());
    session.on('subsystem', (_accept, reject) => reject?.());
  }

  #startShell(channel: ServerChannel, client: Connection, socket: Socket | undefined, finish: () => void): PhoneShell {
    const io: ShellIo = {
      write: (data) => {
        channel.write(data);
      },
      exit: () => {
        finish();
        channel.exit(0);
        channel.end();
        client.end();
      },
      drop: (data) => {
        channel.write(data, () => {
          finish();
          if (socket === undefined) client.end();
          else socket.end();
        });
      },
      served: () => this.#stats.served(),
    };
    const shell = new PhoneShell(io, this.#shellSettings());
    channel.on('data', (data: Buffer) => shell.receive(data));
    channel.on('error', () => {});
    shell.start();
    return shell;
  }

  #shellSettings(): ShellSettings {
    const { debugUsername, debugPassword, loginLatencyMs, outputLatencyMs } = this.#settings;
    const slow = this.#slowMs();
    return {
      mode: this.plan.mode,
      debugUsername,
      debugPassword: this.plan.mode === 'wrong-debug-password' ? otherPassword(debugPassword) : debugPassword,
      timings: {
        loginPromptMs: loginLatencyMs + slow,
        passwordPromptMs: slow,
        commandPromptMs: slow,
        outputMs: outputLatencyMs + slow,
      },
      output: this.#output,
    };
  }

  #expectedPassword(): string {
    const { password } = this.#settings;
    return this.plan.mode === 'wrong-ssh-password' ? otherPassword(password) : password;
  }

  #slowMs(): number {
    return this.plan.mode === 'slow' ? this.#settings.slowStepMs : 0;
  }
}

/** The password a misconfigured phone expects instead: never the one the fleet uses. */
function otherPassword(password: string): string {
  return `${password}-not-this-one`;
}
