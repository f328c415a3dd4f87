import { createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../ssh/ssh2-library.js';
import { deterministicRsaPem } from './deterministic-rsa.js';
import { sha256Fingerprint, sshString, sshUint32 } from './ssh-wire.js';

const { utils } = ssh2;

/** A simulated phone's host key, with its private half (src/ssh/host-keys/host-key.ts has the public one unreg checks). */
export interface SimulatorHostKey {
  readonly type: 'ssh-ed25519' | 'ssh-rsa';
  /** OpenSSH (ed25519) or PKCS#1 (RSA) PEM: what ssh2 parses. */
  readonly privatePem: string;
  /** The same key, decoded once: signing with it costs a tenth of signing with the PEM. */
  readonly keyObject: KeyObject;
}

export interface HostKeyInfo {
  readonly type: string;
  /** As OpenSSH prints it: `SHA256:...`. */
  readonly fingerprint: string;
  /** A known_hosts style key: `ssh-ed25519 AAAA...`. */
  readonly publicKey: string;
}

// PKCS#8 DER of an Ed25519 private key, up to the 32 key bytes (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PLACEHOLDER_X = Buffer.alloc(32).toString('base64url');

/**
 * An Ed25519 host key derived from the fleet seed, the phone and the key's
 * generation: a restarted fleet keeps its keys, and a new generation is what
 * a re-imaged phone shows. Cheap (no key search), so every phone gets its own.
 */
export function ed25519HostKey(seed: number, index: number, generation: number): SimulatorHostKey {
  const privateBytes = createHash('sha256').update(`unreg-simulator:ed25519:${seed}:${index}:${generation}`).digest();
  const keyObject = ed25519KeyObject(privateBytes);
  const publicBytes = Buffer.from(String(keyObject.export({ format: 'jwk' }).x), 'base64url');
  return { type: 'ssh-ed25519', privatePem: openSshEd25519Pem(privateBytes, publicBytes, index), keyObject };
}

/**
 * Node imports a JWK private key through OpenSSL's raw-key call, which
 * derives the public half itself and ignores `x`: several times faster than
 * the PKCS#8 decoder, which 10,000 phones would feel (figures:
 * docs/performance.md, "The simulator"). Should a later Node check `x`, the
 * DER path still works.
 */
function ed25519KeyObject(privateBytes: Buffer): KeyObject {
  try {
    const jwk = { kty: 'OKP', crv: 'Ed25519', d: privateBytes.toString('base64url'), x: PLACEHOLDER_X };
    return createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, privateBytes]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
}

const rsaCache = new Map<string, SimulatorHostKey>();

/**
 * The ssh-rsa key that old-firmware phones of a fleet share (one per seed and
 * generation: RSA keys are slow to make, and known_hosts still checks a
 * shared key per host). Made once per process and kept.
 */
export function legacyRsaHostKey(seed: number, generation: number): SimulatorHostKey {
  const id = `${seed}:${generation}`;
  let key = rsaCache.get(id);
  if (key === undefined) {
    const privatePem = deterministicRsaPem(`unreg-simulator:rsa:${id}`);
    key = { type: 'ssh-rsa', privatePem, keyObject: createPrivateKey(privatePem) };
    rsaCache.set(id, key);
  }
  return key;
}

/**
 * The key as ssh2's Server takes it, parsed once, with a `sign` that uses the
 * decoded key: ssh2 itself signs with the PEM text, which OpenSSL 3 decodes
 * again on every handshake (its cost: docs/performance.md, "The simulator").
 */
export function serverHostKey(key: SimulatorHostKey): ParsedKey {
  const parsed = utils.parseKey(key.privatePem);
  if (parsed instanceof Error) throw parsed;
  // ssh-rsa signs with SHA-1 unless the kex asked for rsa-sha2-*; Ed25519 takes no hash.
  const defaultHash = key.type === 'ssh-rsa' ? 'sha1' : null;
  // ssh2 expects an Error returned, not thrown (its types say Buffer only).
  parsed.sign = ((data: Buffer, algorithm?: string) => {
    try {
      return sign(algorithm ?? defaultHash, data, key.keyObject);
    } catch (error) {
      return error;
    }
  }) as ParsedKey['sign'];
  return parsed;
}

/** The public side of a host key, as the truth file and known_hosts show it. */
export function hostKeyInfo(key: SimulatorHostKey): HostKeyInfo {
  const parsed = utils.parseKey(key.privatePem);
  if (parsed instanceof Error) throw parsed;
  const blob = parsed.getPublicSSH();
  return {
    type: parsed.type,
    fingerprint: sha256Fingerprint(blob, (data) => createHash('sha256').update(data).digest()),
    publicKey: `${parsed.type} ${blob.toString('base64')}`,
  };
}

/** The `openssh-key-v1` container (unencrypted), the one format ssh2 reads Ed25519 keys from. */
function openSshEd25519Pem(privateBytes: Buffer, publicBytes: Buffer, index: number): string {
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicBytes)]);
  const check = sshUint32(index);
  const secret = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(publicBytes),
    sshString(Buffer.concat([privateBytes, publicBytes])),
    sshString(`phone-${index}`),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (secret.length % 8)) % 8 }, (_, at) => at + 1));
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    sshUint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([secret, padding])),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
}
