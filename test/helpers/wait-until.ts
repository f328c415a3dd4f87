import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 10;

/**
 * Polls `condition` until it holds; fails naming `what` after `limitMs`.
 * The limit is a bound on a hang, never a speed measurement: keep it several
 * times what the condition should take.
 */
export async function waitUntil(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what}: not so within ${limitMs} ms`);
    await sleep(POLL_MS);
  }
}
