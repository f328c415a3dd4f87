import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodePublicKey } from '../../../src/ssh/host-keys/public-key-object.js';
import { sshKeyPair } from '../../helpers/ssh-key-pair.js';

/** A new key's public blob and the JWK OpenSSL makes of the PEM ssh2 derives from it. */
function keyOfType(type: 'rsa' | 'ed25519' | 'ecdsa') {
  const parsed = sshKeyPair(type).publicKey;
  return { blob: parsed.getPublicSSH(), jwk: createPublicKey(parsed.getPublicPEM()).export({ format: 'jwk' }) };
}

describe('decodePublicKey', () => {
  for (const [type, sshType] of [
    ['rsa', 'ssh-rsa'],
    ['ed25519', 'ssh-ed25519'],
  ] as const) {
    it(`decodes an ${sshType} blob to the key OpenSSL reads from ssh2's PEM`, () => {
      const { blob, jwk } = keyOfType(type);
      const decoded = decodePublicKey(blob);
      assert.equal(decoded?.type, sshType);
      assert.deepEqual(decoded?.key.export({ format: 'jwk' }), jwk);
    });
  }

  it('leaves other key types to ssh2 (null)', () => {
    assert.equal(decodePublicKey(keyOfType('ecdsa').blob), null);
  });

  it('gives null for a blob that is cut short, runs on, or holds a zero or negative number', () => {
    const { blob } = keyOfType('rsa');
    assert.equal(decodePublicKey(blob.subarray(0, blob.length - 1)), null);
    assert.equal(decodePublicKey(Buffer.concat([blob, Buffer.from([0, 0, 0, 0])])), null);
    const sshString = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
    const rsa = (e: Buffer, n: Buffer) =>
      Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(e), sshString(n)]);
    assert.equal(decodePublicKey(rsa(Buffer.from([1, 0, 1]), Buffer.from([0, 0]))), null);
    assert.equal(decodePublicKey(rsa(Buffer.from([1, 0, 1]), Buffer.from([0x80, 1]))), null);
    const shortPoint = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.alloc(31, 1))]);
    assert.equal(decodePublicKey(shortPoint), null);
  });
});
