/** The simulator's own count of SSH sessions, for tests and benchmarks. */
export interface SessionStatsSnapshot {
  /** Sessions open now. */
  readonly open: number;
  /** The most sessions ever open at once. */
  readonly maxOpen: number;
  /** Sessions served since the start. */
  readonly total: number;
  /** `show unreg` outputs sent in full. */
  readonly showUnregServed: number;
  /** Rejected SSH password or keyboard-interactive attempts. */
  readonly authFailures: number;
}

/**
 * Counts sessions. A session opens when the client's SSH identification
 * arrives and closes at the first of: the phone ending it, the client's EOF,
 * the socket closing. Opening on the identification rather than the TCP
 * accept matters: a client that ends one session and starts the next has
 * sent its FIN before the new connection's first bytes, so the old session
 * is always counted closed first and `maxOpen` never shows a phantom extra.
 */
export class SessionStats {
  #open = 0;
  #maxOpen = 0;
  #total = 0;
  #showUnregServed = 0;
  #authFailures = 0;
  readonly #perPhone: Uint32Array;

  constructor(phones: number) {
    this.#perPhone = new Uint32Array(phones);
  }

  /** Returns the function that closes this session (it counts once however often it is called). */
  opened(phoneIndex: number): () => void {
    this.#open += 1;
    this.#total += 1;
    this.#perPhone[phoneIndex] = (this.#perPhone[phoneIndex] ?? 0) + 1;
    if (this.#open > this.#maxOpen) this.#maxOpen = this.#open;
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.#open -= 1;
    };
  }

  served(): void {
    this.#showUnregServed += 1;
  }

  authFailed(): void {
    this.#authFailures += 1;
  }

  /** Sessions a phone has served: a client must not retry an authentication failure. */
  sessionsOf(phoneIndex: number): number {
    return this.#perPhone[phoneIndex] ?? 0;
  }

  snapshot(): SessionStatsSnapshot {
    return {
      open: this.#open,
      maxOpen: this.#maxOpen,
      total: this.#total,
      showUnregServed: this.#showUnregServed,
      authFailures: this.#authFailures,
    };
  }
}
