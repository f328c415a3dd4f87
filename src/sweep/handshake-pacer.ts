import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import type { HandshakeGate } from '../ssh/phone-session.js';

/** Handshakes let in at once however busy the process is, and at each check it is not. */
const FLOOR = 8;
/** How often waiting handshakes look at the process's load. */
const CHECK_MS = 10;
/** Busier than this over the last check, the process lets no more handshakes in. */
const BUSY = 0.9;

/**
 * Paces the start of SSH sessions (TCP connect to the shell opening, where
 * nearly all of a session's CPU goes: key exchange, host key, the first
 * packets) by the process's own load, not by a fixed rate. Up to FLOOR run
 * at once whatever the load; beyond that one more starts only while the
 * event loop had time to spare over the last few milliseconds. Far phones
 * cost little CPU while their handshakes wait on the network, so the loop
 * stays idle and --concurrency fills at once; near ones (a data centre, a
 * loopback bench) are CPU-bound, and a thousand handshakes started together
 * would all finish together, late, each having waited on all the others
 * (and at scale past their connect timeout). Paced, each finishes in a few
 * milliseconds and the sessions that are already open keep being served.
 */
export class HandshakePacer implements HandshakeGate {
  readonly #floor: number;
  readonly #busy: () => boolean;
  #running = 0;
  readonly #waiting: { admit(): void }[] = [];
  #timer: NodeJS.Timeout | null = null;

  /** `busy`: whether the process had no time to spare since it was last asked. */
  constructor(floor = FLOOR, busy = eventLoopBusy()) {
    this.#floor = floor;
    this.#busy = busy;
  }

  /** Resolves when this handshake may start (rejects with the signal's reason when it aborts first); then call `done`. */
  start(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#running < this.#floor && this.#waiting.length === 0) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = this.#waiting.indexOf(waiter);
        if (at !== -1) this.#waiting.splice(at, 1);
        reject(signal.reason);
      };
      const waiter = {
        admit: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#schedule();
    });
  }

  /** A handshake is over, whichever way it ended. */
  done(): void {
    this.#running -= 1;
    if (this.#running < this.#floor) this.#admit(this.#floor - this.#running);
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    // A fresh window: the check judges only the next CHECK_MS.
    this.#busy();
    this.#timer = setTimeout(() => this.#check(), CHECK_MS);
  }

  #check(): void {
    this.#timer = null;
    // Busy: none (done() keeps the floor running while any wait). Spare
    // time: as many as the floor again, so that a far fleet's handshakes
    // ramp up at hundreds a second.
    if (!this.#busy()) this.#admit(this.#floor);
    if (this.#waiting.length > 0) this.#schedule();
  }

  #admit(count: number): void {
    for (let n = 0; n < count; n += 1) {
      const next = this.#waiting.shift();
      if (next === undefined) return;
      this.#running += 1;
      next.admit();
    }
  }
}

/** Whether the event loop was busier than BUSY since the last call. */
function eventLoopBusy(): () => boolean {
  let since: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, since).utilization > BUSY;
    since = now;
    return busy;
  };
}
