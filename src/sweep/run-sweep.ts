import { setMaxListeners } from 'node:events';
import { classifyFailure } from '../failure/error-kind.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { failedEntry } from '../report/phone-entry.js';
import type { PhoneEntry } from '../report/report-document.js';
import { type ReadOptions, readPhone } from './read-phone.js';

export interface SweepOptions extends ReadOptions {
  /** Sessions open at once, at most. */
  readonly concurrency: number;
}

/**
 * Reads every phone, at most `concurrency` at a time, and hands each entry
 * to `onEntry` as soon as it is ready (so nothing waits on the slowest phone
 * and nothing is kept per phone). `concurrency` workers take the next phone
 * from one iterator: nothing is queued per phone, so memory follows the
 * concurrency, not the fleet size. Once `signal` aborts no session starts;
 * every phone not yet read is reported `aborted`. Every target yields
 * exactly one entry, unless `onEntry` fails: then the sweep stops with its
 * error.
 */
export async function runSweep(
  targets: readonly PhoneTarget[],
  options: SweepOptions,
  signal: AbortSignal,
  onEntry: (entry: PhoneEntry) => Promise<void>,
): Promise<void> {
  const queue = targets[Symbol.iterator]();
  // A report that cannot take an entry (disk full) ends the sweep: no phone
  // is read for nothing, open sessions close, the error goes to the caller.
  const failed = new AbortController();
  const sessions = AbortSignal.any([signal, failed.signal]);
  setMaxListeners(0, sessions); // one listener per open session
  const worker = async () => {
    for (let next = queue.next(); next.done !== true && !failed.signal.aborted; next = queue.next()) {
      const target = next.value;
      const entry = signal.aborted ? abortedEntry(target) : await readPhone(target, options, sessions);
      await onEntry(entry).catch((error: unknown) => {
        failed.abort(error);
        throw error;
      });
    }
  };
  // No more workers than phones: --concurrency 1000000 on ten phones makes ten.
  await Promise.all(Array.from({ length: Math.min(options.concurrency, targets.length) }, worker));
}

function abortedEntry(target: PhoneTarget): PhoneEntry {
  const { kind, message } = classifyFailure({ type: 'interrupted', by: null });
  return failedEntry(target, { kind, message }, 0);
}
