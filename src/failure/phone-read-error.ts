import { classifyFailure, type ErrorKind, type FailureCause, type SessionPhase } from './error-kind.js';

/**
 * Why one phone could not be read: what was seen and in which phase, with
 * the kind, message and retry policy `classifyFailure` gives them.
 */
export class PhoneReadError extends Error {
  override readonly name = 'PhoneReadError';
  readonly kind: ErrorKind;
  readonly retryable: boolean;

  constructor(
    readonly observed: FailureCause,
    readonly phase: SessionPhase | null = null,
    /** What the phone had sent of `show unreg` when the session was cut short. */
    readonly partialOutput: string | null = null,
  ) {
    const failure = classifyFailure(observed, phase);
    super(failure.message);
    this.kind = failure.kind;
    this.retryable = failure.retryable;
  }

  /**
   * The same cause, seen from a narrower phase: a session deadline that fell
   * during the SSH handshake, or silence once a password was out
   * (`waitedMs`: how long since it went out).
   */
  inPhase(phase: SessionPhase, waitedMs?: number): PhoneReadError {
    const { observed } = this;
    const cause = observed.type === 'silence' && waitedMs !== undefined ? { ...observed, waitedMs } : observed;
    return new PhoneReadError(cause, phase, this.partialOutput);
  }

  /** The same failure, keeping what the phone had sent. */
  withOutput(partialOutput: string): PhoneReadError {
    return new PhoneReadError(this.observed, this.phase, partialOutput);
  }
}

/** An abort reason or anything else thrown, as a phone's failure. */
export function asPhoneReadError(caught: unknown, signal: AbortSignal): PhoneReadError {
  if (caught instanceof PhoneReadError) return caught;
  if (signal.aborted) return new PhoneReadError({ type: 'interrupted', by: null });
  return new PhoneReadError({ type: 'unexpected', detail: (caught as Error)?.message ?? String(caught) });
}
