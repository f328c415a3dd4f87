import { createHash } from 'node:crypto';

/** A public host key as SSH sends it: its type and the key blob. */
export interface HostKey {
  readonly type: string;
  /** The key in SSH wire format, base64 (as in known_hosts). */
  readonly base64: string;
}

/** Reads a key from its SSH wire format, which starts with the key type. */
export function hostKeyFromBlob(blob: Buffer): HostKey {
  const typeLength = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const type = blob.subarray(4, 4 + typeLength).toString('latin1');
  return { type, base64: blob.toString('base64') };
}

/** The OpenSSH fingerprint: `SHA256:` and the unpadded base64 of the blob's SHA-256. */
export function fingerprint(key: HostKey): string {
  const digest = createHash('sha256').update(Buffer.from(key.base64, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}
