import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import ssh2 from 'ssh2';
import { ed25519HostKey, hostKeyInfo, legacyRsaHostKey, serverHostKey } from '../../src/simulator/host-keys.js';

const { utils } = ssh2;

function publicKeyOf(pem: string) {
  const parsed = utils.parseKey(pem);
  if (parsed instanceof Error) throw parsed;
  return createPublicKey(parsed.getPublicPEM());
}

describe('host keys', () => {
  it('derives the same Ed25519 key from seed, phone and generation, another one for each of them', () => {
    const fingerprint = (seed: number, index: number, generation: number) =>
      hostKeyInfo(ed25519HostKey(seed, index, generation)).fingerprint;
    assert.equal(fingerprint(1, 0, 0), fingerprint(1, 0, 0));
    const all = [fingerprint(1, 0, 0), fingerprint(2, 0, 0), fingerprint(1, 1, 0), fingerprint(1, 0, 1)];
    assert.equal(new Set(all).size, 4);
    assert.match(all[0] ?? '', /^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('signs handshakes with the private half of the key it announces', () => {
    for (const key of [ed25519HostKey(4, 2, 0), legacyRsaHostKey(4, 0)]) {
      const parsed = serverHostKey(key);
      const data = Buffer.from('exchange hash');
      const signature = parsed.sign(data);
      assert.ok(Buffer.isBuffer(signature));
      const hash = key.type === 'ssh-rsa' ? 'sha1' : null;
      assert.ok(verify(hash, data, publicKeyOf(key.privatePem), signature), key.type);
      assert.equal(hostKeyInfo(key).type, key.type);
    }
  });

  it('makes the legacy RSA key from the seed: 2048 bits, the same again, another per generation', () => {
    const key = legacyRsaHostKey(4, 0);
    assert.equal(publicKeyOf(key.privatePem).asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(legacyRsaHostKey(4, 0), key);
    assert.notEqual(hostKeyInfo(legacyRsaHostKey(4, 1)).fingerprint, hostKeyInfo(key).fingerprint);
  });
});
