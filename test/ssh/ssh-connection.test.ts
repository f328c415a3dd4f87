import assert from 'node:assert/strict';
import { type AddressInfo, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { PhoneReadError } from '../../src/failure/phone-read-error.js';
import { DEFAULT_PROMPTS, type PhoneTarget } from '../../src/inventory/phone-target.js';
import { Secret } from '../../src/inventory/secret.js';
import { KnownHostsStore } from '../../src/ssh/host-keys/known-hosts-store.js';
import { openSshConnection } from '../../src/ssh/ssh-connection.js';

describe('openSshConnection', () => {
  it('a phone closing the connection before its SSH identification is disconnected (retried), not ssh-negotiation', async () => {
    // Accepts, then closes at once: a phone out of sessions, or a path cut before the handshake.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target: PhoneTarget = {
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      name: null,
      site: null,
      tags: [],
      username: 'sshadmin',
      password: new Secret('unused'),
      debugUsername: 'debug',
      debugPassword: new Secret('unused'),
      prompts: DEFAULT_PROMPTS,
    };
    const hostKeys = await KnownHostsStore.open('/nonexistent/known_hosts', 'off');
    const options = { legacyAlgorithms: true, connectTimeoutMs: 5000, hostKeys };
    try {
      const failure = await openSshConnection(target, options, new AbortController().signal).then(
        () => assert.fail('connected'),
        (error: unknown) => error,
      );
      assert.ok(failure instanceof PhoneReadError, String(failure));
      assert.equal(failure.kind, 'disconnected');
      assert.equal(failure.message, 'the phone closed the connection during SSH handshake');
      assert.equal(failure.retryable, true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
