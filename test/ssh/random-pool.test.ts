import assert from 'node:assert/strict';
import { randomFillSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { pooledRandomFill, type RandomFill } from '../../src/ssh/random-pool.js';

/** A source that numbers its bytes 1, 2, 3... and counts its calls. */
function countingSource(): { fill: RandomFill; calls: () => number } {
  let calls = 0;
  let next = 0;
  const fill = ((buffer: Buffer, offset = 0, size?: number) => {
    calls += 1;
    const end = size === undefined ? buffer.length : offset + size;
    for (let at = offset; at < end; at += 1) buffer[at] = (next++ % 255) + 1;
    return buffer;
  }) as RandomFill;
  return { fill, calls: () => calls };
}

describe('pooledRandomFill', () => {
  it('fills exactly the range asked for and returns the buffer', () => {
    const fill = pooledRandomFill(countingSource().fill);
    const packet = Buffer.alloc(16);
    assert.equal(fill(packet, 10, 4), packet);
    assert.deepEqual([...packet.subarray(0, 10)], Array(10).fill(0));
    assert.ok(packet.subarray(10, 14).every((byte) => byte !== 0));
    assert.deepEqual([...packet.subarray(14)], [0, 0]);
  });

  it('fills from the offset to the end when no size is given, as node does', () => {
    const fill = pooledRandomFill(countingSource().fill);
    const cookie = Buffer.alloc(16);
    fill(cookie, 4);
    assert.deepEqual([...cookie.subarray(0, 4)], [0, 0, 0, 0]);
    assert.ok(cookie.subarray(4).every((byte) => byte !== 0));
  });

  it('draws from the source once per block, and never hands out a byte twice', () => {
    const source = countingSource();
    const fill = pooledRandomFill(source.fill, 64);
    const handedOut: number[] = [];
    for (let request = 0; request < 40; request += 1) handedOut.push(...fill(Buffer.alloc(8), 0, 8));
    // 320 bytes from 64-byte blocks: 5 draws; the counting source's bytes follow each other.
    assert.equal(source.calls(), 5);
    assert.deepEqual(
      handedOut,
      handedOut.map((_, index) => (index % 255) + 1),
    );
  });

  it('passes large, unusual or invalid requests to the source, which checks them as node does', () => {
    const source = countingSource();
    const fill = pooledRandomFill(source.fill);
    fill(Buffer.alloc(1024));
    fill(new Uint8Array(8));
    assert.equal(source.calls(), 2);
    const nodeFill = pooledRandomFill(randomFillSync);
    assert.throws(() => nodeFill(Buffer.alloc(8), 6, 4), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => nodeFill(Buffer.alloc(8), -1, 2), { code: 'ERR_OUT_OF_RANGE' });
  });
});
