import ssh2, { type ParsedKey } from 'ssh2';

const { utils } = ssh2;

export interface SshKeyPair {
  /** The private key in OpenSSH's text format, as a server's host key option takes it. */
  readonly privateText: string;
  readonly privateKey: ParsedKey;
  readonly publicKey: ParsedKey;
}

const OPTIONS = { rsa: { bits: 2048 }, ecdsa: { bits: 256 }, ed25519: {} } as const;

/**
 * A new key pair, both halves as ssh2 parses them. ssh2's generateKeyPairSync
 * writes about one Ed25519 pair in a hundred with a 31-byte public key (a
 * leading zero byte dropped), which its own parser then refuses: such a pair
 * is drawn again, or a test would fail at random.
 */
export function sshKeyPair(type: keyof typeof OPTIONS): SshKeyPair {
  for (;;) {
    const pair = utils.generateKeyPairSync(type, OPTIONS[type]);
    const privateKey = utils.parseKey(pair.private);
    const publicKey = utils.parseKey(pair.public);
    if (!(privateKey instanceof Error) && !(publicKey instanceof Error)) {
      return { privateText: pair.private, privateKey, publicKey };
    }
  }
}
