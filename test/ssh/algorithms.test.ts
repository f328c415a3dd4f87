import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlgorithmList, CipherAlgorithm } from 'ssh2';
import { algorithmsFor, LEGACY_ALGORITHMS } from '../../src/ssh/algorithms.js';
import { nativeCiphers } from '../../src/ssh/ssh2-library.js';

function listOf(option: CipherAlgorithm[] | AlgorithmList<CipherAlgorithm> | undefined): CipherAlgorithm[] {
  assert.ok(Array.isArray(option), 'modern ciphers are a whole list');
  return option;
}

describe('algorithmsFor', () => {
  it("has ssh2's native binding built: npm install compiles it where a compiler is, as on every test machine", () => {
    assert.equal(nativeCiphers, true);
  });

  it('offers AES-GCM first with the binding, AES-CTR without, and legacy ciphers last', () => {
    const ciphers = listOf(algorithmsFor(true).cipher);
    assert.equal(ciphers[0], nativeCiphers ? 'aes128-gcm@openssh.com' : 'aes128-ctr');
    assert.deepEqual(ciphers.slice(-LEGACY_ALGORITHMS.cipher.length), [...LEGACY_ALGORITHMS.cipher]);
  });

  it('--no-legacy-algorithms offers the modern ciphers only', () => {
    const ciphers = listOf(algorithmsFor(false).cipher);
    assert.ok(ciphers.every((name) => !(LEGACY_ALGORITHMS.cipher as readonly string[]).includes(name)));
    assert.deepEqual(ciphers, listOf(algorithmsFor(true).cipher).slice(0, ciphers.length));
  });
});
