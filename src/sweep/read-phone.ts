import type { SessionPhase } from '../failure/error-kind.js';
import { asPhoneReadError, type PhoneReadError } from '../failure/phone-read-error.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { parseShowUnreg } from '../parser/show-unreg.js';
import { entryFromTranscript, failedEntry } from '../report/phone-entry.js';
import type { PhoneEntry } from '../report/report-document.js';
import { captureShowUnreg, type SessionOptions } from '../ssh/phone-session.js';
import { jumpDropWatch } from './jump-drop-watch.js';

export interface ReadOptions extends SessionOptions {
  /** Further attempts after a refused, unreachable, timed-out or dropped session. */
  readonly retries: number;
  /** The first wait before a retry; it doubles each time. */
  readonly retryDelayMs: number;
}

/** A phone's entry, and the phase its last attempt failed in (null: read, or no session). */
export interface PhoneRead {
  readonly entry: PhoneEntry;
  readonly failedPhase: SessionPhase | null;
}

/**
 * Reads one phone into its report entry, whatever happens: a failure becomes
 * an entry with its error kind. Only failures that may pass are retried, and
 * never one after a password went out (see failure/error-kind.ts): repeated
 * wrong passwords across a fleet lock accounts and raise alarms.
 */
export async function readPhone(target: PhoneTarget, options: ReadOptions, signal: AbortSignal): Promise<PhoneRead> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const warnings: string[] = [];
  for (let attempt = 0; ; attempt += 1) {
    const cutByJumpDrop = jumpDropWatch(target, options);
    try {
      const output = await captureShowUnreg(target, options, signal);
      const entry = entryFromTranscript(target, parseShowUnreg(output), elapsed());
      return { entry: { ...entry, warnings: [...warnings, ...entry.warnings] }, failedPhase: null };
    } catch (caught) {
      const error = cutByJumpDrop(asPhoneReadError(caught, signal));
      if (attempt >= options.retries || !error.retryable || signal.aborted) {
        return { entry: failureEntry(target, error, elapsed(), warnings), failedPhase: error.phase };
      }
      warnings.push(`attempt ${attempt + 1} failed (${error.kind}: ${error.message}); retrying`);
      const slept = await abortableDelay(options.retryDelayMs * 2 ** attempt, signal);
      if (!slept) {
        const entry = failureEntry(target, asPhoneReadError(signal.reason, signal), elapsed(), warnings);
        return { entry, failedPhase: null };
      }
    }
  }
}

/** A session cut short keeps the alarms it had read (kind `disconnected`). */
export function failureEntry(
  target: PhoneTarget,
  error: PhoneReadError,
  durationMs: number,
  warnings: string[],
): PhoneEntry {
  const partial = error.partialOutput === null ? null : parseShowUnreg(error.partialOutput);
  const read = partial === null ? { alarms: [], warnings: [] } : entryFromTranscript(target, partial, durationMs);
  return failedEntry(target, { kind: error.kind, message: error.message }, durationMs, {
    alarms: read.alarms,
    warnings: [...warnings, ...read.warnings],
  });
}

/** Waits `ms`, or less when the signal aborts; tells whether the full wait passed. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
