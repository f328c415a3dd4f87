/** SSH wire encoding (RFC 4251): the few pieces needed to write key files. */

/** A `string`: uint32 length, then the bytes. */
export function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function sshUint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** The OpenSSH key fingerprint of a public key blob: `SHA256:` and unpadded base64. */
export function sha256Fingerprint(publicBlob: Buffer, hash: (data: Buffer) => Buffer): string {
  return `SHA256:${hash(publicBlob).toString('base64').replace(/=+$/, '')}`;
}
