import { verify as verifySignature } from 'node:crypto';
import type * as Ssh2 from 'ssh2';
import { decodePublicKey } from './host-keys/public-key-object.js';

type Verify = (this: KeyMethods, data: Buffer, signature: Buffer, hash?: string) => boolean | Error;
interface KeyMethods {
  getPublicSSH(): Buffer;
  verify: Verify;
}

// Any 32 bytes parse as an Ed25519 public key: enough to reach the methods ssh2's keys share.
const SAMPLE_KEY = `ssh-ed25519 ${Buffer.concat([Buffer.from('0000000b', 'hex'), Buffer.from('ssh-ed25519'), Buffer.from('00000020', 'hex'), Buffer.alloc(32, 1)]).toString('base64')}`;

/**
 * ssh2 checks the signature of every handshake (the phone's proof that it
 * holds its host key) with the key as PEM text, which OpenSSL decodes anew
 * each time: ~160 us of a session's CPU for RSA, ~170 us for Ed25519. This
 * gives ssh2's keys a `verify` that checks the same signature over the same
 * data with the same hash, against the key decoded from its SSH blob
 * (host-keys/public-key-object.ts): ~40 and ~90 us. Keys of other types, and
 * an Ed25519 check given a hash (which ssh2 never does), go to ssh2's own.
 * A signature made with any other key still fails (test/ssh/signature-check.test.ts
 * runs handshakes with forged ones).
 */
export function checkSignaturesWithDecodedKeys(ssh2: typeof Ssh2): void {
  const sample = ssh2.utils.parseKey(SAMPLE_KEY);
  if (sample instanceof Error) return;
  const keyMethods = Object.getPrototypeOf(sample) as Partial<KeyMethods>;
  const verifyWithPem = keyMethods.verify;
  // A later ssh2 laid out otherwise keeps its own check.
  if (typeof verifyWithPem !== 'function' || typeof keyMethods.getPublicSSH !== 'function') return;
  keyMethods.verify = function verify(data, signature, hash) {
    const decoded = decodePublicKey(this.getPublicSSH());
    const named = typeof hash === 'string' && hash !== '' ? hash : null;
    if (decoded === null || (decoded.type === 'ssh-ed25519' && named !== null)) {
      return verifyWithPem.call(this, data, signature, hash);
    }
    // What ssh2 hashes with when none is named: SHA-1 for ssh-rsa, none for Ed25519.
    const algorithm = decoded.type === 'ssh-ed25519' ? null : (named ?? 'sha1');
    try {
      return verifySignature(algorithm, data, decoded.key, signature);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
}
