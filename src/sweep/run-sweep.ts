import pLimit from 'p-limit';
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
 * and nothing is kept per phone). Once `signal` aborts no session starts;
 * every phone not yet read is reported `aborted`. Every target yields
 * exactly one entry.
 */
export async function runSweep(
  targets: Iterable<PhoneTarget>,
  options: SweepOptions,
  signal: AbortSignal,
  onEntry: (entry: PhoneEntry) => Promise<void>,
): Promise<void> {
  const limit = pLimit(options.concurrency);
  const tasks: Promise<void>[] = [];
  for (const target of targets) {
    tasks.push(
      limit(async () => {
        const entry = signal.aborted ? abortedEntry(target) : await readPhone(target, options, signal);
        await onEntry(entry);
      }),
    );
  }
  await Promise.all(tasks);
}

function abortedEntry(target: PhoneTarget): PhoneEntry {
  return failedEntry(target, { kind: 'aborted', message: 'interrupted before this phone was read' }, 0);
}
