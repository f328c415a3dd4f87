import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyFailure,
  ERROR_KINDS,
  type ErrorKind,
  type FailureCause,
  type SessionPhase,
} from '../../src/failure/error-kind.js';
import { PhoneReadError } from '../../src/failure/phone-read-error.js';

interface Row {
  readonly cause: FailureCause;
  readonly phase: SessionPhase | null;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly message: string;
}

const row = (cause: FailureCause, phase: SessionPhase | null, kind: ErrorKind, retryable: boolean, message: string) =>
  ({ cause, phase, kind, retryable, message }) satisfies Row;

const silence = (waitedMs: number, limit: 'phase' | 'idle' | 'session' = 'phase') =>
  ({ type: 'silence', waitedMs, limit }) as const;
const errno = (code: string, detail = `${code} from the kernel`) => ({ type: 'socket-error', code, detail }) as const;
const NOT_AGAIN = 'not retried, so the password is not sent again';

// One row per case: what was seen, where, and what the report says of it.
const TABLE: readonly Row[] = [
  row(errno('ENOTFOUND'), 'TCP connect', 'dns', false, 'the name does not resolve (DNS) (TCP connect)'),
  row(errno('EAI_AGAIN'), 'TCP connect', 'dns', false, 'DNS did not answer (TCP connect)'),
  row(
    errno('ECONNREFUSED'),
    'TCP connect',
    'refused',
    true,
    'connection refused: SSH off on the phone (Product Specific Configuration "SSH Access") or a firewall (TCP connect)',
  ),
  row(errno('EHOSTUNREACH'), 'TCP connect', 'unreachable', true, 'no route to the phone (TCP connect)'),
  row(errno('ENETUNREACH'), 'TCP connect', 'unreachable', true, 'no route to the phone network (TCP connect)'),
  row(errno('ETIMEDOUT'), 'TCP connect', 'timeout', true, 'TCP connect timed out (TCP connect)'),
  row(errno('ECONNRESET'), 'SSH handshake', 'disconnected', true, 'the phone reset the connection (SSH handshake)'),
  row(errno('EWHATEVER', 'odd'), 'SSH handshake', 'disconnected', true, 'odd (SSH handshake)'),
  row(silence(10_000), 'SSH handshake', 'timeout', true, 'SSH handshake: not done within 10 s'),
  row(silence(20_000), 'debug shell login', 'timeout', true, 'debug shell login: not done within 20 s'),
  row(silence(30_000, 'idle'), 'show unreg', 'timeout', true, 'show unreg: no data for 30 s'),
  row(silence(60_000, 'session'), 'show unreg', 'timeout', true, 'session not done within 60 s (during show unreg)'),
  // Silence once a password is out: the phone hung, its credentials may be
  // right (timeout), but nothing is retried so the password goes once.
  row(
    silence(9_700),
    'SSH password sent',
    'timeout',
    false,
    `no answer within 9.7 s after the SSH password was sent; ${NOT_AGAIN}`,
  ),
  row(
    silence(19_500),
    'debug password sent',
    'timeout',
    false,
    `no prompt within 19.5 s after the debug password was sent; ${NOT_AGAIN}`,
  ),
  row(
    silence(1_200, 'session'),
    'debug password sent',
    'timeout',
    false,
    `no prompt within 1.2 s after the debug password was sent; ${NOT_AGAIN}`,
  ),
  row(
    errno('ETIMEDOUT'),
    'SSH password sent',
    'timeout',
    false,
    `TCP connect timed out (SSH authentication), after the SSH password was sent; ${NOT_AGAIN}`,
  ),
  row(
    { type: 'hang-up' },
    'SSH handshake',
    'disconnected',
    true,
    'the phone closed the connection during SSH handshake',
  ),
  row({ type: 'hang-up' }, 'show unreg', 'disconnected', true, 'the phone closed the session during show unreg'),
  // A hang-up once a password is out: some phones close instead of saying no.
  row(
    { type: 'hang-up' },
    'SSH password sent',
    'ssh-auth',
    false,
    'the phone closed the connection during SSH authentication, after the SSH password was sent: taken as refused, not retried',
  ),
  row(
    errno('ECONNRESET'),
    'SSH password sent',
    'ssh-auth',
    false,
    'the phone reset the connection (SSH authentication), after the SSH password was sent: taken as refused, not retried',
  ),
  row(
    { type: 'hang-up' },
    'debug password sent',
    'shell-login',
    false,
    'the phone closed the session during debug shell login, after the debug password was sent: taken as refused, not retried',
  ),
  row(
    { type: 'shell-refused', detail: 'Channel open failure' },
    'debug shell login',
    'disconnected',
    true,
    'the phone refused a shell: Channel open failure',
  ),
  row(
    { type: 'negotiation-failed', detail: 'no matching key exchange algorithm' },
    'SSH handshake',
    'ssh-negotiation',
    false,
    'no matching key exchange algorithm',
  ),
  row(
    { type: 'host-key-refused', detail: 'the host key changed' },
    'SSH handshake',
    'hostkey',
    false,
    'the host key changed',
  ),
  row(
    { type: 'password-refused', username: 'sshadmin' },
    'SSH password sent',
    'ssh-auth',
    false,
    'the phone refused SSH user "sshadmin" and its password (set per phone or profile in CUCM)',
  ),
  row(
    { type: 'password-asked-again' },
    'SSH password sent',
    'ssh-auth',
    false,
    'the phone asked for the password again: it refused it',
  ),
  row(
    { type: 'authentication-ended', detail: 'Too many authentication failures' },
    'SSH authentication',
    'ssh-auth',
    false,
    'the phone ended SSH authentication: Too many authentication failures',
  ),
  row(
    { type: 'prompt-again', prompt: 'login', debugUsername: 'debug' },
    'debug shell login',
    'shell-login',
    false,
    'the debug shell asked for its login again: debug user "debug" or its password was refused',
  ),
  row(
    { type: 'prompt-again', prompt: 'password', debugUsername: 'admin' },
    'debug shell login',
    'shell-login',
    false,
    'the debug shell asked for its password again: debug user "admin" or its password was refused',
  ),
  row(
    { type: 'login-refused', said: 'Login incorrect', debugUsername: 'debug' },
    'debug password sent',
    'shell-login',
    false,
    'the debug shell said "Login incorrect": debug user "debug" or its password was refused',
  ),
  row(
    { type: 'unknown-command', line: 'Unknown command: show unreg' },
    null,
    'unsupported',
    false,
    `the phone does not know 'show unreg': "Unknown command: show unreg"`,
  ),
  row({ type: 'no-output', empty: true }, null, 'parse', false, 'empty input: no show unreg output'),
  row(
    { type: 'no-output', empty: false },
    null,
    'parse',
    false,
    'no show unreg output found (no section header and no <x-cisco-alarm> block)',
  ),
  row({ type: 'interrupted', by: 'SIGINT' }, 'show unreg', 'aborted', false, 'interrupted by SIGINT'),
  row({ type: 'interrupted', by: null }, null, 'aborted', false, 'interrupted before this phone was read'),
  row({ type: 'interrupted', by: 'SIGTERM' }, 'debug password sent', 'aborted', false, 'interrupted by SIGTERM'),
  // A jump host's failure: its own attempts (and retries) are made once for all its phones.
  row(
    { type: 'jump-failed', jumpHost: 'ops@bastion:22', detail: 'connection refused' },
    'TCP connect',
    'jump',
    false,
    'jump host ops@bastion:22: connection refused',
  ),
  // The jump host's connection dropped under a session: the phone's disconnected, no refusal even after a password.
  row(
    { type: 'jump-dropped', jumpHost: 'ops@bastion:22' },
    'show unreg',
    'disconnected',
    true,
    'the connection to jump host ops@bastion:22 dropped during show unreg',
  ),
  row(
    { type: 'jump-dropped', jumpHost: 'ops@bastion:22' },
    'SSH password sent',
    'disconnected',
    false,
    `the connection to jump host ops@bastion:22 dropped during SSH authentication, after the SSH password was sent; ${NOT_AGAIN}`,
  ),
  // The credential breaker: never tried, so never retried either.
  row(
    { type: 'credentials-tripped', login: 'ssh', username: 'sshadmin', refusals: 5 },
    null,
    'skipped',
    false,
    "not tried: 5 phones refused user sshadmin's password and none accepted it; fix it or raise --auth-failure-limit",
  ),
  row(
    { type: 'credentials-tripped', login: 'debug', username: 'debug', refusals: 3 },
    null,
    'skipped',
    false,
    "not tried: 3 phones refused debug user debug's password and none accepted it; fix it or raise --auth-failure-limit",
  ),
  row({ type: 'unexpected', detail: 'boom' }, null, 'disconnected', true, 'unexpected: boom'),
];

describe('classifyFailure: cause + phase -> kind, message, retryable', () => {
  for (const { cause, phase, kind, retryable, message } of TABLE) {
    it(`${cause.type} in ${phase ?? 'no session'} -> ${kind}${retryable ? ', retried' : ''}`, () => {
      assert.deepEqual(classifyFailure(cause, phase), { kind, message, retryable });
    });
  }

  it('has a row for every kind the report knows', () => {
    const covered = new Set(TABLE.map((entry) => entry.kind));
    assert.deepEqual(
      ERROR_KINDS.filter((kind) => !covered.has(kind)),
      [],
    );
  });

  it('retries nothing once a password is out and unanswered', () => {
    for (const entry of TABLE.filter(({ phase }) => phase === 'SSH password sent' || phase === 'debug password sent')) {
      assert.equal(entry.retryable, false, entry.message);
    }
  });
});

describe('PhoneReadError', () => {
  it('carries the classification of its cause and phase', () => {
    const error = new PhoneReadError(silence(3_000), 'debug shell login');
    assert.deepEqual(
      [error.kind, error.retryable, error.message],
      ['timeout', true, 'debug shell login: not done within 3 s'],
    );
  });

  it('is classified again in a narrower phase, with the time since the password went out', () => {
    const deadline = new PhoneReadError(silence(60_000, 'session'), 'TCP connect');
    assert.equal(deadline.inPhase('SSH handshake').message, 'session not done within 60 s (during SSH handshake)');
    const afterPassword = deadline.inPhase('debug password sent', 4_200);
    assert.deepEqual(
      [afterPassword.kind, afterPassword.retryable, afterPassword.message],
      ['timeout', false, `no prompt within 4.2 s after the debug password was sent; ${NOT_AGAIN}`],
    );
  });

  it('keeps the partial output it is given', () => {
    const error = new PhoneReadError({ type: 'hang-up' }, 'show unreg').withOutput('<x-cisco-alarm');
    assert.deepEqual([error.kind, error.partialOutput], ['disconnected', '<x-cisco-alarm']);
  });
});
