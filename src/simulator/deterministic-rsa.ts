import { createHash, createPrivateKey } from 'node:crypto';

/**
 * An RSA private key (PKCS#1 PEM) derived from a text seed: the same seed
 * gives the same key on every machine, so a restarted simulated fleet keeps
 * the host keys its clients recorded. Node cannot seed its own RSA key
 * generation, hence this small prime search over a hash-based byte stream
 * (about 0.3 s for 2048 bits). For a simulator only: nothing here is meant
 * to resist an attacker.
 */
export function deterministicRsaPem(seedText: string, bits = 2048): string {
  const bytes = hashStream(seedText);
  const e = 65537n;
  for (;;) {
    const p = findPrime(bits / 2, bytes, e);
    const q = findPrime(bits / 2, bytes, e);
    if (p === q) continue;
    const n = p * q;
    const phi = (p - 1n) * (q - 1n);
    const d = modInverse(e, phi);
    const jwk = {
      kty: 'RSA',
      n: toBase64Url(n),
      e: toBase64Url(e),
      d: toBase64Url(d),
      p: toBase64Url(p),
      q: toBase64Url(q),
      dp: toBase64Url(d % (p - 1n)),
      dq: toBase64Url(d % (q - 1n)),
      qi: toBase64Url(modInverse(q, p)),
    };
    return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs1', format: 'pem' }).toString();
  }
}

/** An endless byte stream: SHA-256 of the seed and a counter. */
function hashStream(seedText: string): (count: number) => Buffer {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (count) => {
    while (pool.length < count) {
      const block = createHash('sha256').update(`${seedText}:${counter++}`).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = pool.subarray(0, count);
    pool = pool.subarray(count);
    return out;
  };
}

const SMALL_PRIMES = (() => {
  const primes: bigint[] = [];
  for (let candidate = 3; primes.length < 1000; candidate += 2) {
    if (primes.every((prime) => candidate % Number(prime) !== 0)) primes.push(BigInt(candidate));
  }
  return primes;
})();

function findPrime(bits: number, bytes: (count: number) => Buffer, e: bigint): bigint {
  for (;;) {
    const raw = Buffer.from(bytes(bits / 8));
    // Top two bits set: the product of two such primes has exactly 2 x bits.
    raw[0] = (raw[0] ?? 0) | 0xc0;
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) | 1;
    const candidate = BigInt(`0x${raw.toString('hex')}`);
    if ((candidate - 1n) % e !== 0n && isProbablePrime(candidate, bytes)) return candidate;
  }
}

// Error below 4^-6 per composite that passed the sieve, and far lower for random
// candidates: ample for a test key.
const MILLER_RABIN_ROUNDS = 6;

function isProbablePrime(n: bigint, bytes: (count: number) => Buffer): boolean {
  for (const prime of SMALL_PRIMES) if (n % prime === 0n) return false;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s += 1;
  }
  for (let round = 0; round < MILLER_RABIN_ROUNDS; round++) {
    const base = 2n + (BigInt(`0x${bytes(16).toString('hex')}`) % (n - 4n));
    if (!passesMillerRabin(n, base, d, s)) return false;
  }
  return true;
}

function passesMillerRabin(n: bigint, base: bigint, d: bigint, s: number): boolean {
  let x = modPow(base, d, n);
  if (x === 1n || x === n - 1n) return true;
  for (let r = 1; r < s; r++) {
    x = (x * x) % n;
    if (x === n - 1n) return true;
  }
  return false;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function modInverse(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value % modulus, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

function toBase64Url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}
