import type { Client as SshClient } from 'ssh2';

// A phone answers `exit` or our FIN by closing at once; one that does not is
// not waited for longer than this.
const CLOSE_WAIT_MS = 2000;

/** A promise that settles when the client's connection is closed, whoever closed it. */
export function closeOf(client: SshClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

/**
 * Ends a connection and resolves once it is closed. Graceful: SSH goodbye and
 * FIN, then wait for the phone to close its side, so that a --concurrency slot
 * is given back only when the phone's session is really over (as the phone
 * counts it). Not graceful (Ctrl-C, or no TCP connection yet): at once.
 */
export async function closeConnection(client: SshClient, closed: Promise<void>, graceful: boolean): Promise<void> {
  if (!graceful) {
    client.destroy();
    return closed;
  }
  const timer = setTimeout(() => client.destroy(), CLOSE_WAIT_MS);
  client.end();
  await closed;
  clearTimeout(timer);
}
