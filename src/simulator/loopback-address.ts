/** Addresses per /24: .1 to .254 (no network or broadcast look-alikes). */
const PER_BLOCK = 254;
const FIRST_BLOCK = 1;
const LAST_BLOCK = 255;

/** How many phones the loopback scheme can address: 127.0.1.1 to 127.0.255.254. */
export const MAX_PHONES = (LAST_BLOCK - FIRST_BLOCK + 1) * PER_BLOCK;

/**
 * The loopback address of the phone at `index` (0-based): 127.0.1.1,
 * 127.0.1.2, ... 127.0.1.254, 127.0.2.1, ... Linux routes all of
 * 127.0.0.0/8 to lo, so each phone gets an address of its own on one port,
 * and 127.0.0.x stays free for everything else.
 */
export function loopbackAddress(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PHONES) {
    throw new RangeError(`phone index ${index} is outside 0..${MAX_PHONES - 1}`);
  }
  const block = FIRST_BLOCK + Math.floor(index / PER_BLOCK);
  return `127.0.${block}.${(index % PER_BLOCK) + 1}`;
}
