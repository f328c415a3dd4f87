import type { Duplex } from 'node:stream';
import type { ConnectConfig } from 'ssh2';
import type { FailureCause, SessionPhase } from '../failure/error-kind.js';
import { PhoneReadError } from '../failure/phone-read-error.js';
import type { JumpRoute, PhoneTarget } from '../inventory/phone-target.js';
import { algorithmsFor } from './algorithms.js';
import { closeConnection, closeOf, type OpenConnection } from './connection-close.js';
import { skipHostKeyProofs } from './host-key-announcements.js';
import { hostKeyFromBlob } from './host-keys/host-key.js';
import type { KnownHostsStore } from './host-keys/known-hosts-store.js';
import { offeredAlgorithms } from './offered-algorithms.js';
import { type PasswordAuth, passwordOnce } from './password-auth.js';
import { phoneSocket } from './phone-socket.js';
import ssh2 from './ssh2-library.js';

const { Client } = ssh2;

export interface ConnectOptions {
  readonly legacyAlgorithms: boolean;
  /** TCP connect, SSH handshake and SSH authentication together. */
  readonly connectTimeoutMs: number;
  readonly hostKeys: KnownHostsStore;
  /** A channel to host:port through the route's jump hosts (jump-hosts.ts), for phones behind them. */
  readonly jumpChannel?: (route: JumpRoute, host: string, port: number) => Promise<Duplex>;
  /** How often the route's jump host connections have dropped so far (jump-hosts.ts). */
  readonly jumpDrops?: (route: JumpRoute) => number;
}

type Phase = Extract<SessionPhase, 'TCP connect' | 'SSH handshake' | 'SSH authentication'>;

/** An authenticated connection, its socket, and when it ends. */
export type SshConnection = OpenConnection;

/**
 * An authenticated SSH connection to a phone: the password sent once (see
 * password-auth.ts), host key checked against the known-hosts store.
 */
export async function openSshConnection(
  target: PhoneTarget,
  options: ConnectOptions,
  signal: AbortSignal,
): Promise<SshConnection> {
  // Aborted already: no socket is made (a client that never connected never closes).
  if (signal.aborted) throw signal.reason;
  const socket =
    target.jump === undefined ? phoneSocket(target) : await jumpSocket(target, target.jump, options, signal);
  return connectOver(socket, target, options, signal);
}

/**
 * The phone's TCP connection made by the last jump host (a `direct-tcpip`
 * channel), within the connect timeout; an interrupt leaves it unused.
 */
async function jumpSocket(target: PhoneTarget, route: JumpRoute, options: ConnectOptions, signal: AbortSignal) {
  if (options.jumpChannel === undefined) throw new Error('no jump hosts for a phone behind one');
  const channel = options.jumpChannel(route, target.host, target.port);
  let timer: NodeJS.Timeout | undefined;
  let onAbort = (): void => undefined;
  const given = new Promise<never>((_, reject) => {
    const silence = { type: 'silence', waitedMs: options.connectTimeoutMs, limit: 'phase' } as const;
    timer = setTimeout(() => reject(new PhoneReadError(silence, 'TCP connect')), options.connectTimeoutMs);
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([channel, given]);
  } catch (error) {
    void channel.then(
      (late) => late.destroy(),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function connectOver(
  socket: Duplex,
  target: PhoneTarget,
  options: ConnectOptions,
  signal: AbortSignal,
): Promise<SshConnection> {
  const client = new Client();
  const connection: OpenConnection = { client, socket, closed: closeOf(client) };
  let phase: Phase = 'TCP connect';
  let hostKeyRefusal: string | null = null;
  return new Promise<SshConnection>((resolve, reject) => {
    const failure = (cause: FailureCause) => new PhoneReadError(cause, phase);
    const timer = setTimeout(
      () => fail(failure({ type: 'silence', waitedMs: options.connectTimeoutMs, limit: 'phase' })),
      options.connectTimeoutMs,
    );
    const auth = passwordOnce(target, () => fail(failure({ type: 'password-asked-again' })));
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      client.removeListener('close', onEarlyClose).removeListener('error', onError);
    };
    const fail = (error: Error) => {
      if (settled) return;
      settle();
      client.on('error', () => undefined);
      // A goodbye only to a phone that is there and answering: not before TCP
      // connects, not when interrupted, not to one that let our timer run out.
      const silent = error instanceof PhoneReadError && error.observed.type === 'silence';
      const graceful = phase !== 'TCP connect' && !signal.aborted && !silent;
      void closeConnection(connection, graceful).then(() => reject(inCurrentPhase(error)));
    };
    const onAbort = () => fail(signal.reason as Error);
    // A deadline or a drop, classified where the connection was: once the
    // password is out and unanswered, in that phase (never retried).
    const inCurrentPhase = (error: Error): Error => {
      if (!(error instanceof PhoneReadError)) return error;
      const sentAt = phase === 'SSH authentication' ? auth.sentAt : null;
      return sentAt === null ? error.inPhase(phase) : error.inPhase('SSH password sent', Date.now() - sentAt);
    };
    const onEarlyClose = () => fail(failure({ type: 'hang-up' }));
    const onError = (error: Error & { level?: string }) => {
      client.removeListener('close', onEarlyClose);
      if (hostKeyRefusal !== null) return fail(failure({ type: 'host-key-refused', detail: hostKeyRefusal }));
      // A failed negotiation is followed by a probe of what the phone offers:
      // this connection is closed first, so the phone never has two of ours
      // open, and the probe runs on its own timer, not on what is left of ours.
      if (error.level === 'handshake') clearTimeout(timer);
      const before = error.level === 'handshake' ? closeConnection(connection, false) : Promise.resolve();
      void before.then(() => classify(error, target, options, phase, auth)).then(fail);
    };

    client
      .on('connect', () => {
        phase = 'SSH handshake';
      })
      .on('handshake', () => {
        phase = 'SSH authentication';
      })
      .once('ready', () => {
        settle();
        // From here a connection error shows as the shell closing (the
        // caller's reader reports it); an unheard 'error' would crash node.
        client.on('error', () => undefined);
        resolve(connection);
      })
      .on('error', onError)
      .on('close', onEarlyClose);
    signal.addEventListener('abort', onAbort, { once: true });
    client.connect({
      ...connectConfig(target, options, auth),
      sock: connection.socket,
      hostVerifier: (blob: Buffer) => {
        const verdict = options.hostKeys.verify(target.host, target.port, hostKeyFromBlob(blob));
        if (!verdict.accepted) hostKeyRefusal = verdict.reason;
        return verdict.accepted;
      },
    });
    skipHostKeyProofs(client);
  });
}

function connectConfig(target: PhoneTarget, options: ConnectOptions, auth: PasswordAuth): ConnectConfig {
  return {
    host: target.host,
    port: target.port,
    username: target.username,
    authHandler: auth.handler,
    // Our own timer names the phase; ssh2's is only a backstop.
    readyTimeout: options.connectTimeoutMs + BACKSTOP_MS,
    algorithms: algorithmsFor(options.legacyAlgorithms),
  };
}

const BACKSTOP_MS = 5000;
// SSH_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE (RFC 4253 11.1).
const NO_MORE_AUTH_METHODS = 14;

/** What an ssh2 error says was seen (error-kind.ts makes the kind of it). */
async function classify(
  error: Error & { level?: string; code?: unknown },
  target: PhoneTarget,
  options: ConnectOptions,
  phase: Phase,
  auth: PasswordAuth,
): Promise<PhoneReadError> {
  switch (error.level) {
    case 'client-socket':
    case 'client-dns': {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      return new PhoneReadError({ type: 'socket-error', code, detail: error.message }, phase);
    }
    case 'client-authentication':
      return new PhoneReadError({ type: 'password-refused', username: target.username }, phase);
    case 'protocol':
      // The socket closed before the phone's SSH identification: a hang-up
      // (a phone out of sessions, a path or jump host dropping), not a negotiation.
      if (error.message === 'Connection lost before handshake') return new PhoneReadError({ type: 'hang-up' }, phase);
      return negotiationError(error, target, options, phase);
    case 'client-timeout': {
      const waitedMs = options.connectTimeoutMs + BACKSTOP_MS;
      return new PhoneReadError({ type: 'silence', waitedMs, limit: 'phase' }, phase);
    }
    default:
      // An error without a level is the phone's own DISCONNECT: during
      // authentication, once it has the password or saying it takes no more
      // (too many failures), that is a refusal.
      if (
        phase === 'SSH authentication' &&
        error.level === undefined &&
        (auth.sentAt !== null || error.code === NO_MORE_AUTH_METHODS)
      ) {
        return new PhoneReadError({ type: 'authentication-ended', detail: error.message }, phase);
      }
      return negotiationError(error, target, options, phase);
  }
}

async function negotiationError(
  error: Error,
  target: PhoneTarget,
  options: ConnectOptions,
  phase: Phase,
): Promise<PhoneReadError> {
  const failed = (detail: string) => new PhoneReadError({ type: 'negotiation-failed', detail }, phase);
  if (!error.message.includes('no matching')) return failed(error.message);
  const offered = await offeredAlgorithms(target.host, target.port, options.connectTimeoutMs);
  const hint = options.legacyAlgorithms ? '' : ' (legacy algorithms refused by --no-legacy-algorithms)';
  return failed(`${error.message.replace(/^Handshake failed: /, '')}${hint}; ${offered}`);
}
