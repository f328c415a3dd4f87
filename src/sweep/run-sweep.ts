import { classifyFailure } from '../failure/error-kind.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { failedEntry } from '../report/phone-entry.js';
import type { PhoneEntry } from '../report/report-document.js';
import { JumpHosts } from '../ssh/jump-hosts.js';
import { AbortFanOut } from './abort-fan-out.js';
import { CredentialBreaker } from './credential-breaker.js';
import { HandshakePacer } from './handshake-pacer.js';
import { failureEntry, type PhoneRead, type ReadOptions, readPhone } from './read-phone.js';
import { SessionCaps } from './session-caps.js';

export interface SweepOptions extends ReadOptions {
  /** Sessions open at once, at most. */
  readonly concurrency: number;
  /** Phones refusing the same credentials, none accepting them, before the rest are skipped; 0: never. */
  readonly authFailureLimit: number;
}

/**
 * Reads every phone, at most `concurrency` at a time, and hands each entry
 * to `onEntry` as soon as it is ready (so nothing waits on the slowest phone
 * and nothing is kept per phone). `concurrency` workers take the next phone
 * from one iterator: nothing is queued per phone, so memory follows the
 * concurrency, not the fleet size (only phones of a site or group at its
 * `max_sessions` are set aside, while workers go on with others). Once `signal` aborts no session starts;
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
  const caps = new SessionCaps(targets);
  // A report that cannot take an entry (disk full) ends the sweep: no phone
  // is read for nothing, open sessions close, the error goes to the caller.
  const failed = new AbortController();
  const sessions = new AbortFanOut(AbortSignal.any([signal, failed.signal]));
  const breaker = new CredentialBreaker(options.authFailureLimit);
  // One connection per jump host for the whole sweep, closed at its end.
  const jumps = new JumpHosts(options);
  const handshakes = new HandshakePacer();
  const readOptions = {
    ...options,
    handshakes,
    jumpChannel: jumps.channelTo.bind(jumps),
    jumpDrops: jumps.drops.bind(jumps),
  };
  const read = async (target: PhoneTarget): Promise<PhoneEntry> => {
    if (signal.aborted) return abortedEntry(target);
    const tripped = breaker.refusal(target);
    if (tripped !== null) return failureEntry(target, tripped, 0, []);
    const session = sessions.open();
    const { entry, failedPhase }: PhoneRead = await readPhone(target, readOptions, session.signal).finally(
      session.release,
    );
    breaker.record(target, entry, failedPhase);
    return entry;
  };
  const worker = async () => {
    while (!failed.signal.aborted) {
      const next = caps.next();
      if (next === 'done') return;
      if (next === 'wait') {
        await caps.freed();
        continue;
      }
      const entry = await read(next.phone).finally(() => caps.release(next.phone));
      await onEntry(entry).catch((error: unknown) => {
        failed.abort(error);
        throw error;
      });
    }
  };
  // No more workers than phones: --concurrency 1000000 on ten phones makes ten.
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, targets.length) }, worker));
  } finally {
    await jumps.close();
  }
}

function abortedEntry(target: PhoneTarget): PhoneEntry {
  const { kind, message } = classifyFailure({ type: 'interrupted', by: null });
  return failedEntry(target, { kind, message }, 0);
}
