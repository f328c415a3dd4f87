import type { PhoneTarget, SessionLimit } from '../inventory/phone-target.js';

/** What a worker gets: a phone to read, nothing left, or a wait for a capped site or group to free a session. */
export type NextPhone = { readonly phone: PhoneTarget } | 'done' | 'wait';

/**
 * Hands phones to the sweep's workers in inventory order, keeping each
 * site's and group's `max_sessions`: a phone whose caps are full is set
 * aside, and the next phone with room is handed out instead, so no worker
 * idles while another phone is ready. Phones set aside wait in one queue per
 * set of caps (phones with the same caps are alike), ahead of the phones
 * not yet drawn. Only capped phones are ever held; the rest are drawn one
 * at a time from the iterator.
 */
export class SessionCaps {
  readonly #queue: Iterator<PhoneTarget>;
  readonly #open = new Map<string, number>();
  /** Phones set aside, by their caps' scopes. */
  readonly #waiting = new Map<string, { limits: readonly SessionLimit[]; phones: PhoneTarget[] }>();
  #drawn = false;
  #freed: (() => void) | null = null;
  #freedPromise: Promise<void> | null = null;

  constructor(targets: Iterable<PhoneTarget>) {
    this.#queue = targets[Symbol.iterator]();
  }

  /** The next phone with room in its caps (its sessions now counted), or why there is none. */
  next(): NextPhone {
    for (const [key, waiting] of this.#waiting) {
      if (!this.#hasRoom(waiting.limits)) continue;
      const phone = waiting.phones.shift() as PhoneTarget;
      if (waiting.phones.length === 0) this.#waiting.delete(key);
      return this.#take(phone);
    }
    while (!this.#drawn) {
      const next = this.#queue.next();
      if (next.done === true) {
        this.#drawn = true;
        break;
      }
      const phone = next.value;
      const limits = phone.sessionLimits ?? [];
      if (this.#hasRoom(limits)) return this.#take(phone);
      const key = limits.map((limit) => limit.scope).join('\n');
      const waiting = this.#waiting.get(key);
      if (waiting === undefined) this.#waiting.set(key, { limits, phones: [phone] });
      else waiting.phones.push(phone);
    }
    return this.#waiting.size === 0 ? 'done' : 'wait';
  }

  /** The phone's session is closed: its caps have room again. */
  release(phone: PhoneTarget): void {
    for (const limit of phone.sessionLimits ?? []) {
      this.#open.set(limit.scope, (this.#open.get(limit.scope) ?? 1) - 1);
    }
    const freed = this.#freed;
    this.#freed = null;
    this.#freedPromise = null;
    freed?.();
  }

  /** Resolves at the next release. */
  freed(): Promise<void> {
    this.#freedPromise ??= new Promise((resolve) => {
      this.#freed = resolve;
    });
    return this.#freedPromise;
  }

  #hasRoom(limits: readonly SessionLimit[]): boolean {
    return limits.every((limit) => (this.#open.get(limit.scope) ?? 0) < limit.max);
  }

  #take(phone: PhoneTarget): NextPhone {
    for (const limit of phone.sessionLimits ?? []) {
      this.#open.set(limit.scope, (this.#open.get(limit.scope) ?? 0) + 1);
    }
    return { phone };
  }
}
