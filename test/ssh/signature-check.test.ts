import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../../src/ssh/ssh2-library.js';
import { sshKeyPair } from '../helpers/ssh-key-pair.js';

const { utils } = ssh2;

function newKey(type: 'rsa' | 'ed25519'): ParsedKey {
  return sshKeyPair(type).privateKey;
}

function publicHalf(key: ParsedKey): ParsedKey {
  const parsed = utils.parseKey(key.getPublicSSH());
  assert.ok(!(parsed instanceof Error));
  return parsed;
}

function signed(key: ParsedKey, data: Buffer, hash?: string): Buffer {
  const signature = key.sign(data, hash);
  assert.ok(signature instanceof Buffer);
  return signature;
}

/** A handshake with a server presenting `shown`'s public key and signing with `signer`: ssh2's error message, or 'ready'. */
async function handshake(shown: ParsedKey, signer: ParsedKey): Promise<string> {
  const hostKey = Object.create(shown, { sign: { value: (data: Buffer, hash?: string) => signer.sign(data, hash) } });
  const server = new ssh2.Server({ hostKeys: [{ key: hostKey }] }, (connection) => {
    connection.on('authentication', (context) => context.accept());
    connection.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = new ssh2.Client();
  const outcome = new Promise<string>((resolve) => {
    client.once('ready', () => resolve('ready'));
    client.once('error', (error) => resolve(error.message));
  });
  client.connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, username: 'phone', password: 'x' });
  const result = await outcome;
  client.end();
  server.close();
  return result;
}

describe('signature-check', () => {
  it("is the check ssh2's keys use: it needs only the key's blob, not the PEM ssh2 checks with", () => {
    const key = newKey('ed25519');
    const data = randomBytes(32);
    const keyMethods = Object.getPrototypeOf(publicHalf(key));
    const blobOnly = Object.create(keyMethods, { getPublicSSH: { value: () => key.getPublicSSH() } });
    assert.equal(blobOnly.verify(data, signed(key, data)), true);
  });

  for (const [type, hashes] of [
    ['rsa', ['sha1', 'sha256', 'sha512']],
    ['ed25519', [undefined]],
  ] as const) {
    for (const hash of hashes) {
      it(`${type}${hash === undefined ? '' : ` with ${hash}`}: accepts the key's own signature, refuses an altered or another key's`, () => {
        const key = newKey(type);
        const other = newKey(type);
        const data = randomBytes(32);
        const check = publicHalf(key);
        const signature = signed(key, data, hash);
        assert.equal(check.verify(data, signature, hash), true);
        const altered = Buffer.from(signature);
        altered.writeUInt8(altered.readUInt8(altered.length >> 1) ^ 1, altered.length >> 1);
        assert.equal(check.verify(data, altered, hash), false);
        assert.equal(check.verify(data, signed(other, data, hash), hash), false);
        assert.equal(check.verify(randomBytes(32), signature, hash), false);
      });
    }
  }

  it('rsa: refuses a signature checked with another hash than it was made with', () => {
    const key = newKey('rsa');
    const data = randomBytes(32);
    assert.equal(publicHalf(key).verify(data, signed(key, data, 'sha256'), 'sha512'), false);
  });

  for (const type of ['rsa', 'ed25519'] as const) {
    it(`${type}: a handshake signed with another key than the one shown fails, an honest one succeeds`, async () => {
      const shown = newKey(type);
      assert.equal(await handshake(shown, newKey(type)), 'Handshake failed: signature verification failed');
      assert.equal(await handshake(shown, shown), 'ready');
    });
  }
});
