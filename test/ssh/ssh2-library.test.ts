import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type * as Ssh2 from 'ssh2';
import type { RandomFill } from '../../src/ssh/random-pool.js';

const requireCommonJs = createRequire(import.meta.url);
const nodeCrypto = requireCommonJs('node:crypto') as { randomFillSync: RandomFill };

/** One password login between an ssh2 client and an ssh2 server of the same library, then a clean end. */
async function loginOnce(ssh2: typeof Ssh2, hostKey: string): Promise<void> {
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (connection) => {
    connection.on('authentication', (context) => context.accept());
    connection.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const client = new ssh2.Client();
  client.connect({ host: '127.0.0.1', port, username: 'phone', password: 'not-checked' });
  await once(client, 'ready');
  client.end();
  await once(client, 'close');
  server.close();
}

describe('ssh2-library', () => {
  it("serves ssh2's random padding from a pool, and leaves node:crypto as it was", async () => {
    assert.equal(requireCommonJs.cache[requireCommonJs.resolve('ssh2')], undefined, 'ssh2 must not be loaded yet');
    const original = nodeCrypto.randomFillSync;
    let calls = 0;
    const counting = ((...args: Parameters<RandomFill>) => {
      calls += 1;
      return original(...args);
    }) as RandomFill;
    nodeCrypto.randomFillSync = counting;
    try {
      const { default: ssh2 } = await import('../../src/ssh/ssh2-library.js');
      assert.equal(nodeCrypto.randomFillSync, counting, 'the swap lasts only while ssh2 loads');
      // Imported only now: the helper loads ssh2 too.
      const { sshKeyPair } = await import('../helpers/ssh-key-pair.js');
      const hostKey = sshKeyPair('ed25519').privateText;
      calls = 0;
      await loginOnce(ssh2, hostKey);
      // Without the pool, each side's cookie and every packet's padding is a
      // call of its own: 14 for this login. With it: one draw of 4 KB per side.
      assert.ok(calls <= 2, `${calls} calls into node's randomFillSync for one login`);
    } finally {
      nodeCrypto.randomFillSync = original;
    }
  });
});
