/** Something with a moment in time (epoch ms), or null when its time is unknown. */
export interface Timed<T> {
  readonly item: T;
  readonly at: number | null;
}

/** Two items that pair up, or one item that found no partner (the other side null). */
export interface Pairing<A, B> {
  readonly left: A | null;
  readonly right: B | null;
  /** |left - right| in ms when both are there. */
  readonly apartMs: number | null;
}

interface Candidate {
  readonly left: number;
  readonly right: number;
  readonly apart: number;
}

/**
 * Pairs two lists of events one to one, nearest first: among all left/right
 * couples at most `windowMs` apart (inclusive), the closest couple pairs
 * first, then the next closest of those still free, and so on. Every item
 * appears in exactly one pairing; those left over (or with no time) pair
 * with null. Pairings come in time order (earliest member first).
 */
export function pairNearest<A, B>(
  left: readonly Timed<A>[],
  right: readonly Timed<B>[],
  windowMs: number,
): Pairing<A, B>[] {
  const candidates = candidatesWithin(left, right, windowMs);
  candidates.sort((a, b) => a.apart - b.apart || a.left - b.left || a.right - b.right);
  const leftPartner = new Array<number>(left.length).fill(-1);
  const rightTaken = new Array<boolean>(right.length).fill(false);
  for (const { left: l, right: r } of candidates) {
    if (leftPartner[l] !== -1 || rightTaken[r]) continue;
    leftPartner[l] = r;
    rightTaken[r] = true;
  }
  const pairings: Array<{ pairing: Pairing<A, B>; at: number | null; order: number }> = [];
  left.forEach((l, index) => {
    const r = right[leftPartner[index] ?? -1];
    const apartMs = r === undefined || l.at === null || r.at === null ? null : Math.abs(l.at - r.at);
    const at = r === undefined || l.at === null || r.at === null ? l.at : Math.min(l.at, r.at);
    pairings.push({ pairing: { left: l.item, right: r?.item ?? null, apartMs }, at, order: index });
  });
  right.forEach((r, index) => {
    if (!rightTaken[index]) {
      pairings.push({ pairing: { left: null, right: r.item, apartMs: null }, at: r.at, order: left.length + index });
    }
  });
  pairings.sort((a, b) => nullsLast(a.at, b.at) || a.order - b.order);
  return pairings.map((entry) => entry.pairing);
}

// For each left item, the right items within the window: both sides sorted
// by time, one pass with a sliding lower bound.
function candidatesWithin<A, B>(left: readonly Timed<A>[], right: readonly Timed<B>[], windowMs: number): Candidate[] {
  const leftTimed = timedIndexes(left);
  const rightTimed = timedIndexes(right);
  const candidates: Candidate[] = [];
  let low = 0;
  for (const l of leftTimed) {
    const at = left[l]?.at ?? 0;
    while (low < rightTimed.length && (right[rightTimed[low] ?? 0]?.at ?? 0) < at - windowMs) low += 1;
    for (let k = low; k < rightTimed.length; k += 1) {
      const r = rightTimed[k] ?? 0;
      const rightAt = right[r]?.at ?? 0;
      if (rightAt > at + windowMs) break;
      candidates.push({ left: l, right: r, apart: Math.abs(rightAt - at) });
    }
  }
  return candidates;
}

function timedIndexes<T>(items: readonly Timed<T>[]): number[] {
  const indexes: number[] = [];
  items.forEach((item, index) => {
    if (item.at !== null) indexes.push(index);
  });
  return indexes.sort((a, b) => (items[a]?.at ?? 0) - (items[b]?.at ?? 0) || a - b);
}

/** Ascending (earlier times, lower codes first); null (unknown) last. */
export function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}
