import { Socket } from 'node:net';
import type { ClientChannel, ConnectConfig, Client as SshClient } from 'ssh2';
import { PhoneReadError } from '../failure/phone-read-error.js';
import { hopLabel } from '../inventory/jump-route.js';
import type { JumpAuth, JumpHop, JumpRoute } from '../inventory/phone-target.js';
import { algorithmsFor } from './algorithms.js';
import { hostKeyFromBlob } from './host-keys/host-key.js';
import type { ConnectOptions } from './ssh-connection.js';
import ssh2 from './ssh2-library.js';

const { Client } = ssh2;

export interface JumpOptions extends ConnectOptions {
  /** Further attempts at a jump host after a network failure (never after a refused login or key). */
  readonly retries: number;
  readonly retryDelayMs: number;
}

/** A jump host's failure, said once for every phone behind it. */
class JumpFailure extends Error {
  constructor(
    readonly detail: string,
    /** A network cause: worth another attempt. */
    readonly passing: boolean,
  ) {
    super(detail);
  }
}

interface Hop {
  /** The open connection, or its failure (kept: every phone behind it gets the same). */
  state: Promise<SshClient>;
  /** Reopened once after a drop; a second drop is a failure. */
  reopened: boolean;
  /** Drops so far (see drops()): 1 and not yet reopened means reopen it. */
  drops: number;
}

/**
 * The jump hosts of a sweep: one SSH connection per jump host (per chain
 * prefix and credentials), shared by every phone behind it, each phone
 * session a `direct-tcpip` channel of it. Opened at the first phone that
 * needs it, reopened once if it drops, closed by `close()`. A jump host that
 * cannot be reached, refuses the login or shows a changed key fails every
 * phone behind it with one message (kind `jump`), after one attempt plus
 * `retries` for network causes.
 */
export class JumpHosts {
  readonly #hops = new Map<string, Hop>();
  /** Connections open now, for close(). */
  readonly #live = new Set<SshClient>();

  constructor(private readonly options: JumpOptions) {}

  /** A channel from the last jump host to the phone, to run the phone's SSH connection over. */
  async channelTo(route: JumpRoute, host: string, port: number): Promise<ClientChannel> {
    const last = route.hops.length - 1;
    const client = await this.#connection(route, last);
    return forward(client, host, port);
  }

  /**
   * How often the connections carrying the route's phones have dropped so
   * far: a session that lost its connection while this grew was cut by the
   * jump host's drop, not by the phone.
   */
  drops(route: JumpRoute): number {
    let total = 0;
    for (let index = 0; index < route.hops.length; index += 1) {
      total += this.#hops.get(routeKey(route, index))?.drops ?? 0;
    }
    return total;
  }

  /** Ends every jump host connection. */
  async close(): Promise<void> {
    // The last hops first: the earlier ones carry them.
    await Promise.all(
      [...this.#live].reverse().map(
        (client) =>
          new Promise<void>((resolve) => {
            client.once('close', () => resolve());
            client.end();
            setTimeout(() => {
              client.destroy();
              resolve();
            }, 2000).unref();
          }),
      ),
    );
  }

  /** The connection to hop `index` of the route, through the ones before it. */
  #connection(route: JumpRoute, index: number): Promise<SshClient> {
    const key = routeKey(route, index);
    let hop = this.#hops.get(key);
    if (hop === undefined) {
      const fresh: Hop = { state: NOT_OPENED, reopened: false, drops: 0 };
      fresh.state = this.#open(route, index, fresh);
      this.#hops.set(key, fresh);
      hop = fresh;
    } else if (hop.drops > 0 && !hop.reopened) {
      hop.reopened = true;
      hop.state = this.#open(route, index, hop);
    }
    const label = hopLabel(route.hops[index] as JumpHop);
    return hop.state.catch((error: unknown) => {
      if (error instanceof PhoneReadError) throw error;
      const detail = error instanceof JumpFailure ? error.detail : String((error as Error)?.message ?? error);
      throw new PhoneReadError({ type: 'jump-failed', jumpHost: label, detail }, 'TCP connect');
    });
  }

  async #open(route: JumpRoute, index: number, hop: Hop): Promise<SshClient> {
    const target = route.hops[index] as JumpHop;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const sock = index === 0 ? tcpSocket(target) : await this.#through(route, index, target);
        const client = await login(target, route.auth, sock, this.options);
        this.#live.add(client);
        this.#watchDrop(client, hop);
        return client;
      } catch (error) {
        if (error instanceof PhoneReadError) throw error; // an earlier hop's failure, already named
        const failure = error as JumpFailure;
        if (!failure.passing || attempt >= this.options.retries) throw failure;
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs * 2 ** attempt));
      }
    }
  }

  /**
   * A drop marks the hop for one reopening; a drop of the reopened
   * connection fails every phone still to come behind it. Marked at the
   * first sign (the socket's end, an error, the close): phones waiting on
   * the dropped connection's channels are told only after it.
   */
  #watchDrop(client: SshClient, hop: Hop): void {
    let seen = false;
    const dropped = () => {
      if (seen) return;
      seen = true;
      this.#live.delete(client);
      hop.drops += 1;
      if (!hop.reopened) return;
      hop.state = Promise.reject(new JumpFailure('the connection dropped again after it was reopened', false));
      hop.state.catch(() => undefined);
    };
    client.once('end', dropped).once('close', dropped).on('error', dropped);
  }

  async #through(route: JumpRoute, index: number, target: JumpHop): Promise<ClientChannel> {
    const previous = await this.#connection(route, index - 1);
    return forward(previous, target.host, target.port).catch((error: PhoneReadError) => {
      throw new JumpFailure(`not reachable from ${hopLabel(route.hops[index - 1] as JumpHop)}: ${error.message}`, true);
    });
  }
}

// A placeholder replaced before anyone awaits it.
const NOT_OPENED: Promise<never> = new Promise(() => undefined);

function routeKey(route: JumpRoute, index: number): string {
  const hops = route.hops.slice(0, index + 1).map(hopLabel);
  const auth = route.auth;
  const credential =
    auth.kind === 'key'
      ? `key ${auth.privateKey.digest()}`
      : auth.kind === 'password'
        ? `password ${auth.password.digest()}`
        : `agent ${auth.socket}`;
  return JSON.stringify([hops, credential]);
}

function tcpSocket(hop: JumpHop): Socket {
  const socket = new Socket();
  socket.setNoDelay(true);
  return socket.connect({ host: hop.host, port: hop.port });
}

/**
 * A `direct-tcpip` channel to host:port. Refused by the jump host
 * (`administratively prohibited`) or by the phone (`connect failed`:
 * connection refused, no route, timed out): that phone's own failure.
 */
function forward(client: SshClient, host: string, port: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    const refused = (error: Error) => {
      // ssh2's words when the connection to the jump host dropped meanwhile:
      // a phone cut off in flight (disconnected, kind of EJUMPDROPPED), not refused.
      const dropped = /^(Not connected|No response from server)$/.test(error.message);
      const code = dropped ? 'EJUMPDROPPED' : channelErrno(error.message);
      const detail = dropped
        ? 'the connection to the jump host dropped'
        : `the jump host could not open a channel: ${error.message.replace(/^\(SSH\) /, '')}`;
      reject(new PhoneReadError({ type: 'socket-error', code, detail }, 'TCP connect'));
    };
    try {
      client.forwardOut('127.0.0.1', 0, host, port, (error, channel) =>
        error === undefined || error === null ? resolve(channel) : refused(error),
      );
    } catch (error) {
      // ssh2 throws `Not connected` when the connection dropped this very tick.
      refused(error as Error);
    }
  });
}

function channelErrno(message: string): string {
  if (/no route|unreachable/i.test(message)) return 'EHOSTUNREACH';
  if (/timed out/i.test(message)) return 'ETIMEDOUT';
  // `Connection refused`, `administratively prohibited`, `connect failed`.
  return /refused/i.test(message) ? 'ECONNREFUSED' : 'EJUMPCHANNEL';
}

/** Logs into one jump host over `sock`; rejects with a JumpFailure naming the cause. */
function login(hop: JumpHop, auth: JumpAuth, sock: Socket | ClientChannel, options: JumpOptions): Promise<SshClient> {
  const client = new Client();
  let hostKeyRefusal: string | null = null;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new JumpFailure(`no SSH login within ${options.connectTimeoutMs / 1000} s`, true)),
      options.connectTimeoutMs,
    );
    let settled = false;
    const fail = (failure: JumpFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.on('error', () => undefined);
      client.destroy();
      sock.destroy();
      reject(failure);
    };
    client
      .once('ready', () => {
        settled = true;
        clearTimeout(timer);
        client.on('error', () => undefined);
        resolve(client);
      })
      .on('error', (error: Error & { level?: string; code?: string }) => {
        if (hostKeyRefusal !== null) return fail(new JumpFailure(hostKeyRefusal, false));
        if (error.level === 'client-authentication') {
          return fail(new JumpFailure(`refused the login of user ${hop.user} (${AUTH_NAMES[auth.kind]})`, false));
        }
        const passing = error.level === 'client-socket' || error.level === 'client-timeout';
        fail(new JumpFailure(SOCKET_TEXT[error.code ?? ''] ?? error.message, passing));
      })
      .on('close', () => fail(new JumpFailure('closed the connection during login', true)));
    client.connect({
      ...credentials(auth),
      sock,
      host: hop.host,
      port: hop.port,
      username: hop.user,
      readyTimeout: options.connectTimeoutMs + 5000,
      keepaliveInterval: 15_000,
      algorithms: algorithmsFor(options.legacyAlgorithms),
      hostVerifier: (blob: Buffer) => {
        const verdict = options.hostKeys.verify(hop.host, hop.port, hostKeyFromBlob(blob));
        if (!verdict.accepted) hostKeyRefusal = verdict.reason;
        return verdict.accepted;
      },
    } as ConnectConfig);
  });
}

const AUTH_NAMES: Readonly<Record<JumpAuth['kind'], string>> = {
  key: 'jump_identity_file',
  password: 'jump password',
  agent: 'keys of the SSH agent',
};

const SOCKET_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'no route to the jump host',
  ENETUNREACH: 'no route to the jump host',
  ETIMEDOUT: 'TCP connect timed out',
  ENOTFOUND: 'the name does not resolve (DNS)',
  ECONNRESET: 'the jump host reset the connection',
};

function credentials(auth: JumpAuth): Partial<ConnectConfig> {
  switch (auth.kind) {
    case 'key':
      return {
        privateKey: auth.privateKey.reveal(),
        ...(auth.passphrase === null ? {} : { passphrase: auth.passphrase.reveal() }),
      };
    case 'password':
      return { password: auth.password.reveal() };
    case 'agent':
      return { agent: auth.socket };
  }
}
