import type { AlgorithmList, Algorithms } from 'ssh2';

/**
 * What old phone firmware needs (SHA-1 key exchange and signatures, CBC
 * ciphers). Appended after ssh2's modern defaults, so a modern phone still
 * gets curve25519, ed25519 and AES-GCM: the cheapest and the safest.
 */
export const LEGACY_ALGORITHMS = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1'],
} as const;

type Kind = keyof typeof LEGACY_ALGORITHMS;

// ssh2 already has ssh-rsa and hmac-sha1 among its defaults: appending them
// again is harmless, removing them is what --no-legacy-algorithms means.
const withLegacy: Algorithms = mapKinds((names) => ({ append: names, prepend: [], remove: [] }));
const withoutLegacy: Algorithms = mapKinds((names) => ({ append: [], prepend: [], remove: names }));

/** The ssh2 `algorithms` option: legacy ones appended, or refused. */
export function algorithmsFor(legacy: boolean): Algorithms {
  return legacy ? withLegacy : withoutLegacy;
}

function mapKinds(toList: (names: string[]) => AlgorithmList<string>): Algorithms {
  const kinds = Object.keys(LEGACY_ALGORITHMS) as Kind[];
  return Object.fromEntries(kinds.map((kind) => [kind, toList([...LEGACY_ALGORITHMS[kind]])])) as Algorithms;
}
