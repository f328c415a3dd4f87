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
  #passwordsHeld = 0;
  readonly #perPhone: Uint32Array;
  /** Sets of phones whose sessions open at once are counted together (a site, for tests). */
  readonly #watched: Array<{ readonly phones: ReadonlySet<number>; open: number; maxOpen: number }> = [];

  constructor(phones: number) {
    this.#perPhone = new Uint32Array(phones);
  }

  /** Returns the function that closes this session (it counts once however often it is called). */
  opened(phoneIndex: number): () => void {
    this.#open += 1;
    this.#total += 1;
    this.#perPhone[phoneIndex] = (this.#perPhone[phoneIndex] ?? 0) + 1;
    if (this.#open > this.#maxOpen) this.#maxOpen = this.#open;
    const watched = this.#watched.filter((set) => set.phones.has(phoneIndex));
    for (const set of watched) {
      set.open += 1;
      set.maxOpen = Math.max(set.maxOpen, set.open);
    }
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.#open -= 1;
      for (const set of watched) set.open -= 1;
    };
  }

  /**
   * Counts from now on the sessions open at once to these phones together;
   * gives the function that tells the most seen so far.
   */
  watchOpen(phoneIndices: readonly number[]): () => number {
    const set = { phones: new Set(phoneIndices), open: 0, maxOpen: 0 };
    this.#watched.push(set);
    return () => set.maxOpen;
  }

  served(): void {
    this.#showUnregServed += 1;
  }

  authFailed(): void {
    this.#authFailures += 1;
  }

  /** A `silent-after-ssh-password` phone took an SSH password it will never answer. */
  passwordHeld(): void {
    this.#passwordsHeld += 1;
  }

  /** SSH passwords taken and never answered so far: a test's sign that a session sits in that step. */
  passwordsHeld(): number {
    return this.#passwordsHeld;
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
