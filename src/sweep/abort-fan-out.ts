/**
 * The sweep's abort signal handed to each session as a signal of its own,
 * with one listener on the sweep's signal for all of them. Node's
 * EventTarget walks its whole list of listeners on every add and remove
 * (to find duplicates), so a listener per session on one shared signal
 * costs O(concurrency) per session: at C=1000, ~2.4% of a sweep's CPU
 * profile was addEventListener and removeEventListener.
 */
export class AbortFanOut {
  readonly #signal: AbortSignal;
  readonly #open = new Set<AbortController>();

  constructor(signal: AbortSignal) {
    this.#signal = signal;
    signal.addEventListener(
      'abort',
      () => {
        for (const controller of this.#open) controller.abort(signal.reason);
      },
      { once: true },
    );
  }

  /** A signal that aborts with the sweep's (at once if it already has); `release` when the session is over. */
  open(): { readonly signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    if (this.#signal.aborted) controller.abort(this.#signal.reason);
    else this.#open.add(controller);
    return { signal: controller.signal, release: () => this.#open.delete(controller) };
  }
}
