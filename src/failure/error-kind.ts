// The one place that decides a failed phone's `error.kind`, its message and
// whether another attempt is safe. Two questions, kept apart: the kind says
// what happened (so the engineer checks the right thing), the retry policy
// says whether trying again could do harm (a password sent twice).

/** Why a phone could not be read: the report's `error.kind` (docs/report-formats.md). */
export const ERROR_KINDS = [
  'dns',
  'refused',
  'unreachable',
  'timeout',
  'ssh-negotiation',
  'ssh-auth',
  'shell-login',
  'hostkey',
  'disconnected',
  'unsupported',
  'parse',
  'aborted',
  'skipped',
  'jump',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * Where a session was. The two `... sent` phases: a password is out and the
 * phone has not answered it yet (no refusal, no next prompt).
 */
export type SessionPhase =
  | 'TCP connect'
  | 'SSH handshake'
  | 'SSH authentication'
  | 'SSH password sent'
  | 'debug shell login'
  | 'debug password sent'
  | 'show unreg';

/** What was seen, with what its message needs. */
export type FailureCause =
  /** The socket or resolver failed with an errno (ECONNREFUSED, ENOTFOUND...). */
  | { readonly type: 'socket-error'; readonly code: string; readonly detail: string }
  /** Nothing awaited came within a limit: the phase's, the idle one (data restarts it), the session's. */
  | { readonly type: 'silence'; readonly waitedMs: number; readonly limit: 'phase' | 'idle' | 'session' }
  /** The phone closed the connection or the shell. */
  | { readonly type: 'hang-up' }
  | { readonly type: 'shell-refused'; readonly detail: string }
  | { readonly type: 'negotiation-failed'; readonly detail: string }
  | { readonly type: 'host-key-refused'; readonly detail: string }
  /** SSH USERAUTH_FAILURE for the password. */
  | { readonly type: 'password-refused'; readonly username: string }
  /** A second keyboard-interactive round asking for the password. */
  | { readonly type: 'password-asked-again' }
  /** The phone's own DISCONNECT during authentication (after the password, or "no more methods"). */
  | { readonly type: 'authentication-ended'; readonly detail: string }
  /** The debug shell said so (`Login incorrect`), and no prompt followed. */
  | { readonly type: 'login-refused'; readonly said: string; readonly debugUsername: string }
  /** The debug shell's `login:` or `Password:` prompt again: its credentials were refused. */
  | { readonly type: 'prompt-again'; readonly prompt: 'login' | 'password'; readonly debugUsername: string }
  /** The shell's answer to `show unreg` says it lacks the command (a line of it). */
  | { readonly type: 'unknown-command'; readonly line: string }
  /** Text with neither a section header nor an alarm block. */
  | { readonly type: 'no-output'; readonly empty: boolean }
  /** Ctrl-C, SIGTERM or SIGHUP (`by`), or an interrupted run that never got to this phone (null). */
  | { readonly type: 'interrupted'; readonly by: string | null }
  /**
   * Not tried: `refusals` phones refused these credentials and none accepted
   * them (the breaker of sweep/credential-breaker.ts).
   */
  | {
      readonly type: 'credentials-tripped';
      readonly login: 'ssh' | 'debug';
      readonly username: string;
      readonly refusals: number;
    }
  /** The jump host in front of the phone failed: unreachable, refusing the login, a changed key. */
  | { readonly type: 'jump-failed'; readonly jumpHost: string; readonly detail: string }
  /** The connection to the jump host carrying the session dropped: not the phone's doing. */
  | { readonly type: 'jump-dropped'; readonly jumpHost: string }
  | { readonly type: 'unexpected'; readonly detail: string };

export interface Failure {
  readonly kind: ErrorKind;
  /** One line for people, naming the phase. */
  readonly message: string;
  /** Whether another attempt is safe and may succeed. */
  readonly retryable: boolean;
}

/** Kinds that may pass: the phone or the path may be back a moment later. */
const PASSING_KINDS: ReadonlySet<ErrorKind> = new Set(['refused', 'unreachable', 'timeout', 'disconnected']);

interface PasswordOut {
  readonly password: string;
  /** The kind of a hang-up once the password is out: some phones close instead of saying no. */
  readonly refusal: 'ssh-auth' | 'shell-login';
  /** What did not come: the answer the phone owed. */
  readonly awaited: string;
}

const PASSWORD_OUT: Partial<Record<SessionPhase, PasswordOut>> = {
  'SSH password sent': { password: 'SSH password', refusal: 'ssh-auth', awaited: 'no answer' },
  'debug password sent': { password: 'debug password', refusal: 'shell-login', awaited: 'no prompt' },
};

/** The phase as messages name it: the login step, whether the password is out or not. */
const PHASE_NAME: Readonly<Record<SessionPhase, string>> = {
  'TCP connect': 'TCP connect',
  'SSH handshake': 'SSH handshake',
  'SSH authentication': 'SSH authentication',
  'SSH password sent': 'SSH authentication',
  'debug shell login': 'debug shell login',
  'debug password sent': 'debug shell login',
  'show unreg': 'show unreg',
};

/**
 * The kind, message and retry policy of a failure: `cause` is what was
 * seen, `phase` where the session was (null outside a session: a saved
 * transcript, a phone never started). Nothing is retried once a password is
 * out and unanswered, whatever happened: it might be the phone refusing it,
 * and each wrong attempt counts towards locking the account. Silence there
 * is still a `timeout` (the phone hung; its credentials may be right); a
 * hang-up is taken as a refusal, unless it was the jump host's connection
 * that dropped.
 */
export function classifyFailure(cause: FailureCause, phase: SessionPhase | null = null): Failure {
  const seen = whatHappened(cause, phase === null ? 'reading the phone' : PHASE_NAME[phase]);
  const out = phase === null ? undefined : PASSWORD_OUT[phase];
  if (out === undefined) return { ...seen, retryable: PASSING_KINDS.has(seen.kind) };
  const notAgain = 'not retried, so the password is not sent again';
  if (seen.kind === 'timeout') {
    const message =
      cause.type === 'silence'
        ? `${out.awaited} within ${seconds(cause.waitedMs)} after the ${out.password} was sent; ${notAgain}`
        : `${seen.message}, after the ${out.password} was sent; ${notAgain}`;
    return { kind: 'timeout', message, retryable: false };
  }
  // The jump host's connection dropped: no answer from the phone, so no refusal either.
  if (cause.type === 'jump-dropped') {
    return {
      kind: 'disconnected',
      message: `${seen.message}, after the ${out.password} was sent; ${notAgain}`,
      retryable: false,
    };
  }
  if (seen.kind === 'disconnected') {
    const message = `${seen.message}, after the ${out.password} was sent: taken as refused, not retried`;
    return { kind: out.refusal, message, retryable: false };
  }
  return { ...seen, retryable: false };
}

function whatHappened(cause: FailureCause, phase: string): Omit<Failure, 'retryable'> {
  switch (cause.type) {
    case 'socket-error':
      return {
        kind: KIND_BY_ERRNO[cause.code] ?? 'disconnected',
        message: `${TEXT_BY_ERRNO[cause.code] ?? cause.detail} (${phase})`,
      };
    case 'silence':
      return { kind: 'timeout', message: silenceText(cause.limit, cause.waitedMs, phase) };
    case 'hang-up': {
      const what = BEFORE_SHELL.has(phase) ? 'connection' : 'session';
      return { kind: 'disconnected', message: `the phone closed the ${what} during ${phase}` };
    }
    case 'shell-refused':
      return { kind: 'disconnected', message: `the phone refused a shell: ${cause.detail}` };
    case 'negotiation-failed':
      return { kind: 'ssh-negotiation', message: cause.detail };
    case 'host-key-refused':
      return { kind: 'hostkey', message: cause.detail };
    case 'password-refused':
      return {
        kind: 'ssh-auth',
        message: `the phone refused SSH user "${cause.username}" and its password (set per phone or profile in CUCM)`,
      };
    case 'password-asked-again':
      return { kind: 'ssh-auth', message: 'the phone asked for the password again: it refused it' };
    case 'authentication-ended':
      return { kind: 'ssh-auth', message: `the phone ended SSH authentication: ${cause.detail}` };
    case 'prompt-again':
      return {
        kind: 'shell-login',
        message:
          `the debug shell asked for its ${cause.prompt} again: ` +
          `debug user "${cause.debugUsername}" or its password was refused`,
      };
    case 'login-refused':
      return {
        kind: 'shell-login',
        message: `the debug shell said "${cause.said}": debug user "${cause.debugUsername}" or its password was refused`,
      };
    case 'unknown-command':
      return { kind: 'unsupported', message: `the phone does not know 'show unreg': "${cause.line}"` };
    case 'no-output':
      return {
        kind: 'parse',
        message: cause.empty
          ? 'empty input: no show unreg output'
          : 'no show unreg output found (no section header and no <x-cisco-alarm> block)',
      };
    case 'interrupted':
      return {
        kind: 'aborted',
        message: cause.by === null ? 'interrupted before this phone was read' : `interrupted by ${cause.by}`,
      };
    case 'credentials-tripped': {
      const user = cause.login === 'ssh' ? `user ${cause.username}` : `debug user ${cause.username}`;
      return {
        kind: 'skipped',
        message:
          `not tried: ${cause.refusals} phones refused ${user}'s password and none accepted it; ` +
          'fix it or raise --auth-failure-limit',
      };
    }
    case 'jump-failed':
      return { kind: 'jump', message: `jump host ${cause.jumpHost}: ${cause.detail}` };
    case 'jump-dropped':
      return { kind: 'disconnected', message: `the connection to jump host ${cause.jumpHost} dropped during ${phase}` };
    case 'unexpected':
      return { kind: 'disconnected', message: `unexpected: ${cause.detail}` };
  }
}

const BEFORE_SHELL: ReadonlySet<string> = new Set(['TCP connect', 'SSH handshake', 'SSH authentication']);

function silenceText(limit: 'phase' | 'idle' | 'session', waitedMs: number, phase: string): string {
  if (limit === 'session') return `session not done within ${seconds(waitedMs)} (during ${phase})`;
  return `${phase}: ${limit === 'idle' ? 'no data for' : 'not done within'} ${seconds(waitedMs)}`;
}

const KIND_BY_ERRNO: Readonly<Record<string, ErrorKind>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'disconnected',
  EPIPE: 'disconnected',
};

const TEXT_BY_ERRNO: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the name does not resolve (DNS)',
  EAI_AGAIN: 'DNS did not answer',
  ECONNREFUSED: 'connection refused: SSH off on the phone (Product Specific Configuration "SSH Access") or a firewall',
  EHOSTUNREACH: 'no route to the phone',
  ENETUNREACH: 'no route to the phone network',
  ETIMEDOUT: 'TCP connect timed out',
  ECONNRESET: 'the phone reset the connection',
};

/** A duration as messages give it: `1.5 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
