import { Socket } from 'node:net';
import type { ConnectConfig } from 'ssh2';
import ssh2 from 'ssh2';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { algorithmsFor } from './algorithms.js';
import { coalesceWrites } from './coalesced-writes.js';
import { closeConnection, closeOf, type OpenConnection } from './connection-close.js';
import { hostKeyFromBlob } from './host-keys/host-key.js';
import type { KnownHostsStore } from './host-keys/known-hosts-store.js';
import { offeredAlgorithms } from './offered-algorithms.js';
import { type PasswordAuth, passwordOnce } from './password-auth.js';
import { PhoneReadError, refusalAfter, socketError } from './phone-read-error.js';
import { seconds } from './shell-reader.js';

// ssh2 is CommonJS: its named exports do not resolve under native ESM.
const { Client } = ssh2;

export interface ConnectOptions {
  readonly legacyAlgorithms: boolean;
  /** TCP connect, SSH handshake and SSH authentication together. */
  readonly connectTimeoutMs: number;
  readonly hostKeys: KnownHostsStore;
}

type Phase = 'TCP connect' | 'SSH handshake' | 'SSH authentication';

/** An authenticated connection, its socket, and when it ends. */
export type SshConnection = OpenConnection;

/**
 * An authenticated SSH connection to a phone: the password sent once (see
 * password-auth.ts), host key checked against the known-hosts store.
 */
export function openSshConnection(
  target: PhoneTarget,
  options: ConnectOptions,
  signal: AbortSignal,
): Promise<SshConnection> {
  // Aborted already: no socket is made (a client that never connected never closes).
  if (signal.aborted) return Promise.reject(signal.reason);
  const client = new Client();
  const connection: OpenConnection = { client, socket: phoneSocket(target), closed: closeOf(client) };
  let phase: Phase = 'TCP connect';
  let hostKeyRefusal: string | null = null;
  return new Promise<SshConnection>((resolve, reject) => {
    const timer = setTimeout(() => fail(timeoutError()), options.connectTimeoutMs);
    const auth = passwordOnce(target, () =>
      fail(new PhoneReadError('ssh-auth', 'the phone asked for the password again: it refused it')),
    );
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
      const silent = error instanceof PhoneReadError && error.kind === 'timeout';
      const graceful = phase !== 'TCP connect' && !signal.aborted && !silent;
      // Once the password is out, a phone that hangs up may be refusing it.
      const refusal = phase === 'SSH authentication' && auth.sent ? refusalAfter(error, 'ssh-auth', 'password') : error;
      void closeConnection(connection, graceful).then(() => reject(refusal));
    };
    const onAbort = () => fail(signal.reason as Error);
    const onEarlyClose = () =>
      fail(new PhoneReadError('disconnected', `the phone closed the connection during ${phase}`));
    const onError = (error: Error & { level?: string }) => {
      client.removeListener('close', onEarlyClose);
      if (hostKeyRefusal !== null) return fail(new PhoneReadError('hostkey', hostKeyRefusal));
      // A failed negotiation is followed by a probe of what the phone offers:
      // this connection is closed first, so the phone never has two of ours
      // open, and the probe runs on its own timer, not on what is left of ours.
      if (error.level === 'handshake') clearTimeout(timer);
      const before = error.level === 'handshake' ? closeConnection(connection, false) : Promise.resolve();
      void before.then(() => classify(error, target, options, phase, auth)).then(fail);
    };
    const timeoutError = () =>
      new PhoneReadError('timeout', `${phase}: not done within ${seconds(options.connectTimeoutMs)}`);

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
  });
}

/**
 * The TCP connection, made here rather than by ssh2 to tune it: Nagle's
 * algorithm off (ssh2 writes a packet in pieces, and each line we type would
 * wait ~40 ms for the phone's delayed ACK), and a tick's writes in one call.
 */
function phoneSocket(target: PhoneTarget): Socket {
  const socket = new Socket();
  coalesceWrites(socket);
  socket.setNoDelay(true);
  return socket.connect({ host: target.host, port: target.port });
}

function connectConfig(target: PhoneTarget, options: ConnectOptions, auth: PasswordAuth): ConnectConfig {
  return {
    host: target.host,
    port: target.port,
    username: target.username,
    authHandler: auth.handler,
    // Our own timer names the phase; ssh2's is only a backstop.
    readyTimeout: options.connectTimeoutMs + 5000,
    algorithms: algorithmsFor(options.legacyAlgorithms),
  };
}

// SSH_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE (RFC 4253 11.1).
const NO_MORE_AUTH_METHODS = 14;

async function classify(
  error: Error & { level?: string; code?: unknown },
  target: PhoneTarget,
  options: ConnectOptions,
  phase: Phase,
  auth: PasswordAuth,
): Promise<PhoneReadError> {
  switch (error.level) {
    case 'client-socket':
    case 'client-dns':
      return socketError(error as NodeJS.ErrnoException, phase);
    case 'client-authentication':
      return new PhoneReadError(
        'ssh-auth',
        `the phone refused SSH user "${target.username}" and its password (set per phone or profile in CUCM)`,
      );
    case 'client-timeout':
      return new PhoneReadError('timeout', `${phase}: no answer`);
    default:
      // An error without a level is the phone's own DISCONNECT: during
      // authentication, once it has the password or saying it takes no more
      // (too many failures), that is a refusal.
      if (
        phase === 'SSH authentication' &&
        error.level === undefined &&
        (auth.sent || error.code === NO_MORE_AUTH_METHODS)
      ) {
        return new PhoneReadError('ssh-auth', `the phone ended SSH authentication: ${error.message}`);
      }
      return negotiationError(error, target, options);
  }
}

async function negotiationError(error: Error, target: PhoneTarget, options: ConnectOptions): Promise<PhoneReadError> {
  if (!error.message.includes('no matching')) return new PhoneReadError('ssh-negotiation', error.message);
  const offered = await offeredAlgorithms(target.host, target.port, options.connectTimeoutMs);
  const hint = options.legacyAlgorithms ? '' : ' (legacy algorithms refused by --no-legacy-algorithms)';
  return new PhoneReadError(
    'ssh-negotiation',
    `${error.message.replace(/^Handshake failed: /, '')}${hint}; ${offered}`,
  );
}
