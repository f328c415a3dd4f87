import type { Duplex } from 'node:stream';
import type { Client as SshClient } from 'ssh2';

// A phone answers `exit` or our FIN by closing at once; one that does not is
// not waited for longer than this.
const CLOSE_WAIT_MS = 2000;

/** A client, the TCP socket (or a jump host's channel) under it, and when that has closed. */
export interface OpenConnection {
  readonly client: SshClient;
  readonly socket: Duplex;
  readonly closed: Promise<void>;
}

/** A promise that settles when the client's connection is closed, whoever closed it. */
export function closeOf(client: SshClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

/**
 * Ends a connection and resolves once it is closed. Graceful: SSH goodbye and
 * FIN, then wait for the phone to close its side, so that a --concurrency slot
 * is given back only when the phone's session is really over (as the phone
 * counts it). Not graceful (Ctrl-C, a session past its deadline, or no TCP
 * connection yet), when the phone does not close within CLOSE_WAIT_MS, or
 * when `signal` aborts meanwhile: the socket is destroyed. The socket itself,
 * not the client: ssh2's destroy() does nothing once end() has run.
 */
export async function closeConnection(
  connection: OpenConnection,
  graceful: boolean,
  signal?: AbortSignal,
): Promise<void> {
  const { client, socket, closed } = connection;
  const destroy = () => {
    client.destroy();
    socket.destroy();
  };
  if (!graceful || signal?.aborted === true) {
    destroy();
    return closed;
  }
  const timer = setTimeout(destroy, CLOSE_WAIT_MS);
  signal?.addEventListener('abort', destroy, { once: true });
  client.end();
  try {
    await closed;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', destroy);
  }
}
