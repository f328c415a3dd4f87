/**
 * Where one scope (a switch, a subnet, a CUCM node, ...) had a burst: times
 * when at least `need` distinct phones of it dropped within the window. The
 * density is measured inside the scope, never fleet-wide, so unrelated
 * alarms elsewhere cannot chain two bursts together.
 */

/** One alarm of a scope: its index among all records, its time and its device. */
export interface ScopedAlarm {
  readonly index: number;
  readonly time: number;
  readonly device: string;
}

/**
 * The bursts of one scope value, each a list of record indices. `alarms` must
 * be in time order. An alarm belongs to a burst when some window of
 * `windowMs` that holds it holds `need` distinct devices; such alarms less
 * than a window apart are one burst.
 */
export function denseBursts(alarms: readonly ScopedAlarm[], windowMs: number, need: number): number[][] {
  const dense = new Uint8Array(alarms.length);
  const inWindow = new Map<string, number>();
  let left = 0;
  let markedTo = 0;
  for (let right = 0; right < alarms.length; right++) {
    const current = alarms[right] as ScopedAlarm;
    inWindow.set(current.device, (inWindow.get(current.device) ?? 0) + 1);
    while (current.time - (alarms[left] as ScopedAlarm).time > windowMs) {
      const leaving = (alarms[left] as ScopedAlarm).device;
      const count = (inWindow.get(leaving) ?? 1) - 1;
      if (count === 0) inWindow.delete(leaving);
      else inWindow.set(leaving, count);
      left += 1;
    }
    if (inWindow.size >= need) {
      for (let at = Math.max(left, markedTo); at <= right; at++) dense[at] = 1;
      markedTo = right + 1;
    }
  }
  const bursts: number[][] = [];
  let burst: number[] = [];
  let lastTime = Number.NEGATIVE_INFINITY;
  for (const [at, alarm] of alarms.entries()) {
    if (dense[at] !== 1) continue;
    if (alarm.time - lastTime > windowMs && burst.length > 0) {
      bursts.push(burst);
      burst = [];
    }
    burst.push(alarm.index);
    lastTime = alarm.time;
  }
  if (burst.length > 0) bursts.push(burst);
  return bursts;
}

// The chance, per window, that a scope's background alone reaches the
// threshold. A fleet of 10,000 phones over 30 days is some 20,000 windows of
// 2 minutes times hundreds of scopes: 1e-9 keeps chance bursts below one in
// a thousand reports, while a real burst (a whole switch, a node's phones)
// is far above the threshold it sets.
const BACKGROUND_CHANCE = 1e-9;

/**
 * The fewest distinct phones that make a burst in a scope whose background
 * rate gives `expected` alarms per window: `minPhones`, raised until a Poisson
 * background reaches it by chance less than BACKGROUND_CHANCE of the time. A
 * quiet switch keeps the floor; a CUCM node serving half of a busy fleet
 * needs more phones at once before it is a suspect.
 */
export function phonesNeeded(expected: number, minPhones: number): number {
  if (expected <= 0) return minPhones;
  const logRate = Math.log(expected);
  // log P(X = k), walked up from k = 0.
  let logChance = -expected;
  let k = 0;
  for (;;) {
    // The tail from k on is below P(X = k) / (1 - expected / (k + 1)) once k + 1 > expected.
    if (k + 1 > expected) {
      const tail = logChance - Math.log(1 - expected / (k + 1));
      if (tail < Math.log(BACKGROUND_CHANCE)) return Math.max(minPhones, k);
    }
    k += 1;
    logChance += logRate - Math.log(k);
  }
}
