import { getCiphers } from 'node:crypto';
import type { AlgorithmList, Algorithms, CipherAlgorithm, KexAlgorithm } from 'ssh2';
import { nativeCiphers } from './ssh2-library.js';

/**
 * What old phone firmware needs (SHA-1 key exchange and signatures, CBC
 * ciphers). Appended after the modern ones, so a modern phone still gets
 * ECDH, Ed25519 and AES-GCM or AES-CTR: the cheapest, and safe.
 */
export const LEGACY_ALGORITHMS = {
  kex: [
    'diffie-hellman-group14-sha1',
    'diffie-hellman-group-exchange-sha1',
    'diffie-hellman-group1-sha1',
  ] as KexAlgorithm[],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
} as const;

type Kind = keyof typeof LEGACY_ALGORITHMS;

// ssh2's modern key exchanges, cheapest first. ecdh-sha2-nistp256 leads
// (ssh2 puts curve25519 first): node computes a P-256 exchange in less CPU
// than ssh2's X25519 path, and key exchange is most of a session's CPU on our
// side (figures: docs/performance.md).
const MODERN_KEX: KexAlgorithm[] = [
  'ecdh-sha2-nistp256',
  'curve25519-sha256',
  'curve25519-sha256@libssh.org',
  'ecdh-sha2-nistp384',
  'ecdh-sha2-nistp521',
  'diffie-hellman-group-exchange-sha256',
  'diffie-hellman-group14-sha256',
  'diffie-hellman-group15-sha512',
  'diffie-hellman-group16-sha512',
  'diffie-hellman-group17-sha512',
  'diffie-hellman-group18-sha512',
];

// ssh2's modern ciphers, cheapest first. With ssh2's native binding (npm
// install compiles it where a compiler is), an AES-GCM packet is one call in
// C: GCM leads, as in ssh2's own order. Without it ssh2 makes a new node
// cipher object for every GCM packet but keeps one for CTR, and CTR with
// ssh2's first MAC (hmac-sha2-256-etm) leads, as in OpenSSH's default order:
// as safe, and less CPU either way (figures: docs/performance.md).
const GCM: CipherAlgorithm[] = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'];
const CTR: CipherAlgorithm[] = ['aes128-ctr', 'aes192-ctr', 'aes256-ctr'];
const MODERN_CIPHERS: CipherAlgorithm[] = [
  ...(nativeCiphers ? [...GCM, ...CTR] : [...CTR, ...GCM]),
  ...(getCiphers().includes('chacha20') ? (['chacha20-poly1305@openssh.com'] as const) : []),
];

// ssh2 already has ssh-rsa and hmac-sha1 among its defaults: appending them
// again is harmless, removing them is what --no-legacy-algorithms means.
const withLegacy: Algorithms = {
  ...mapKinds((names) => ({ append: names, prepend: [], remove: [] })),
  kex: [...MODERN_KEX, ...LEGACY_ALGORITHMS.kex],
  cipher: [...MODERN_CIPHERS, ...LEGACY_ALGORITHMS.cipher],
};
const withoutLegacy: Algorithms = {
  ...mapKinds((names) => ({ append: [], prepend: [], remove: names })),
  kex: MODERN_KEX,
  cipher: MODERN_CIPHERS,
};

/** The ssh2 `algorithms` option: legacy ones appended, or refused. */
export function algorithmsFor(legacy: boolean): Algorithms {
  return legacy ? withLegacy : withoutLegacy;
}

function mapKinds(toList: (names: string[]) => AlgorithmList<string>): Algorithms {
  const kinds = Object.keys(LEGACY_ALGORITHMS) as Kind[];
  return Object.fromEntries(kinds.map((kind) => [kind, toList([...LEGACY_ALGORITHMS[kind]])])) as Algorithms;
}
