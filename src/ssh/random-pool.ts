import type { randomFillSync } from 'node:crypto';

export type RandomFill = typeof randomFillSync;

/** Requests above this size go to the source itself: the pool is for packet padding and cookies. */
const SMALL_REQUEST = 256;

/**
 * A randomFillSync that serves small requests from a block of random bytes
 * drawn from `source` 4 KB at a time. ssh2 pads every packet with a few
 * random bytes through its own randomFillSync call, and each call into
 * node's crypto binding costs ~4 us whatever its size: ~30 calls a session.
 * The bytes are the same generator's (OpenSSL's); each is handed out once,
 * then zeroed in the pool. OpenSSH draws its padding from a buffered
 * generator too (arc4random). Anything unusual (not a Buffer, an offset or
 * size out of range) is passed to `source`, which checks and throws as
 * node does.
 */
export function pooledRandomFill(source: RandomFill, blockSize = 4096): RandomFill {
  const pool = Buffer.allocUnsafeSlow(blockSize);
  let used = blockSize;
  return function randomFillSync<T extends NodeJS.ArrayBufferView>(buffer: T, offset = 0, size?: number): T {
    const length = size ?? buffer.byteLength - offset;
    if (!servable(buffer, offset, length)) return source(buffer, offset, size);
    if (used + length > blockSize) {
      source(pool);
      used = 0;
    }
    pool.copy(buffer, offset, used, used + length);
    pool.fill(0, used, used + length);
    used += length;
    return buffer;
  };
}

function servable(buffer: NodeJS.ArrayBufferView, offset: number, length: number): buffer is Buffer {
  return (
    Buffer.isBuffer(buffer) &&
    Number.isSafeInteger(offset) &&
    Number.isSafeInteger(length) &&
    offset >= 0 &&
    length >= 0 &&
    length <= SMALL_REQUEST &&
    offset + length <= buffer.length
  );
}
