import type { ErrorKind } from '../report/report-document.js';

/** How a simulated phone misbehaves, each one a way real phones fail. */
export const FAILURE_MODES = [
  /** The phone expects another SSH password. */
  'wrong-ssh-password',
  /** The phone's debug shell expects another password. */
  'wrong-debug-password',
  /** Expects another debug password and, as a busybox login does, ends the session after refusing it. */
  'debug-login-closes',
  /** Old firmware: `show unreg` is an unknown command. */
  'no-show-unreg',
  /** Never answers `show unreg` (the session stays open). */
  'hang',
  /** Closes the connection in the middle of an alarm block. */
  'drop',
  /** Nothing listens on its address. */
  'refused',
  /** Every step slowed, but well within a client's default timeouts. */
  'slow',
  /** Takes the SSH password and never answers it (a phone hung in its login). */
  'silent-after-ssh-password',
  /** Takes the debug password and sends nothing more: no `Login incorrect`, no prompt. */
  'silent-after-debug-password',
] as const;

export type FailureMode = (typeof FAILURE_MODES)[number];
export type PhoneMode = 'ok' | FailureMode;

/** What a correct client reports for a phone: `ok`, or the error kind. */
export type ExpectedOutcome = 'ok' | ErrorKind;

export const EXPECTED_OUTCOME: Readonly<Record<PhoneMode, ExpectedOutcome>> = {
  ok: 'ok',
  'wrong-ssh-password': 'ssh-auth',
  'wrong-debug-password': 'shell-login',
  'debug-login-closes': 'shell-login',
  'no-show-unreg': 'unsupported',
  hang: 'timeout',
  drop: 'disconnected',
  refused: 'refused',
  slow: 'ok',
  'silent-after-ssh-password': 'timeout',
  'silent-after-debug-password': 'timeout',
};

export function isFailureMode(value: string): value is FailureMode {
  return (FAILURE_MODES as readonly string[]).includes(value);
}

/**
 * Reads failure requests as the command line gives them: `MODE=COUNT`
 * items, each argument possibly a comma list (`hang=1,drop=2`); a mode named
 * twice adds up. Throws an Error naming the bad item.
 */
export function parseFailureCounts(items: readonly string[]): Partial<Record<FailureMode, number>> {
  const counts: Partial<Record<FailureMode, number>> = {};
  for (const item of items.flatMap((value) => value.split(','))) {
    const text = item.trim();
    if (text === '') continue;
    const match = /^([a-z-]+)(?:=(\d{1,6}))?$/.exec(text);
    const mode = match?.[1] ?? '';
    if (match === null || !isFailureMode(mode)) {
      throw new Error(
        `--fail ${JSON.stringify(text)}: expected MODE=COUNT with MODE one of ${FAILURE_MODES.join(', ')}`,
      );
    }
    counts[mode] = (counts[mode] ?? 0) + Number(match[2] ?? 1);
  }
  return counts;
}
