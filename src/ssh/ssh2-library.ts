import { createRequire } from 'node:module';
import type * as Ssh2 from 'ssh2';
import { pooledRandomFill, type RandomFill } from './random-pool.js';
import { checkSignaturesWithDecodedKeys } from './signature-check.js';

// Not named `require`: the CLI bundle's banner declares that name in every chunk.
const requireCommonJs = createRequire(import.meta.url);
const nodeCrypto = requireCommonJs('node:crypto') as { randomFillSync: RandomFill };

/**
 * ssh2, loaded with randomFillSync served from a pool (random-pool.ts: one
 * call into node's crypto per 4 KB instead of one per packet, ~4% of a
 * sweep's CPU), its keys checking signatures with decoded keys rather than
 * PEM text (signature-check.ts). ssh2's modules take randomFillSync from
 * node:crypto when they load, so it is swapped for that moment only: nothing
 * else in the process sees the pool. Every module of unreg reaches ssh2 through here;
 * had something loaded ssh2 before, it keeps its own calls, which is slower,
 * not wrong (test/ssh/ssh2-library.test.ts counts the calls).
 */
function loadSsh2(): typeof Ssh2 {
  const drawRandom = nodeCrypto.randomFillSync;
  nodeCrypto.randomFillSync = pooledRandomFill(drawRandom);
  try {
    return requireCommonJs('ssh2') as typeof Ssh2;
  } finally {
    nodeCrypto.randomFillSync = drawRandom;
  }
}

const ssh2 = loadSsh2();
checkSignaturesWithDecodedKeys(ssh2);
export default ssh2;

/**
 * Whether ssh2's optional native binding was built (npm install compiles it
 * where a compiler is): its ciphers and MACs then run without a node object
 * per packet, and AES-GCM is the cheapest (algorithms.ts).
 */
export const nativeCiphers =
  (requireCommonJs('ssh2/lib/protocol/crypto.js') as { bindingAvailable?: boolean }).bindingAvailable === true;
