// At most `perMinute` starts a minute, evenly spaced: the next start waits
// until a whole interval has passed since the previous one.
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class EvenPacer {
  readonly intervalMs: number;
  readonly #clock: Clock;
  #last: number | null = null;

  constructor(perMinute: number, minuteMs: number, clock: Clock = realClock) {
    this.intervalMs = minuteMs / perMinute;
    this.#clock = clock;
  }

  /** Resolves when the next request may start, and counts it as started. */
  async next(): Promise<void> {
    if (this.#last !== null) {
      const wait = this.#last + this.intervalMs - this.#clock.now();
      if (wait > 0) await this.#clock.sleep(wait);
    }
    this.#last = this.#clock.now();
  }
}
