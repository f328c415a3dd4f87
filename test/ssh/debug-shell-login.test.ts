import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { PhoneReadError } from '../../src/failure/phone-read-error.js';
import { DEFAULT_PROMPTS, type PhoneTarget } from '../../src/inventory/phone-target.js';
import { Secret } from '../../src/inventory/secret.js';
import { loginToDebugShell } from '../../src/ssh/debug-shell-login.js';
import { ShellReader } from '../../src/ssh/shell-reader.js';

const TARGET: PhoneTarget = {
  host: '127.0.0.1',
  port: 22,
  name: null,
  site: null,
  tags: [],
  username: 'sshadmin',
  password: new Secret('ssh-secret'),
  debugUsername: 'debug',
  debugPassword: new Secret('debug-secret'),
  prompts: DEFAULT_PROMPTS,
};

/** What the phone's shell does once it has the debug password. */
type AfterPassword = (phone: PassThrough) => void;

/**
 * A debug shell on a stream: `login:`, then `Password:` for the user, then
 * `afterPassword`. Gives the login's outcome and every line typed into it.
 */
async function logIn(afterPassword: AfterPassword, limitMs = 300): Promise<{ error: unknown; typed: string[] }> {
  const phone = new PassThrough();
  const keyboard = new PassThrough();
  const typed: string[] = [];
  keyboard.on('data', (chunk: Buffer) => {
    const line = chunk.toString().trimEnd();
    typed.push(line);
    if (typed.length === 1) phone.write('Password: ');
    else afterPassword(phone);
  });
  phone.write('login: ');
  const error = await loginToDebugShell(new ShellReader(phone), keyboard, TARGET, limitMs, new AbortController().signal)
    .then(() => null)
    .catch((caught: unknown) => caught);
  return { error, typed };
}

const failure = (error: unknown) => {
  assert.ok(error instanceof PhoneReadError, String(error));
  return { kind: error.kind, retryable: error.retryable, message: error.message };
};

describe('loginToDebugShell: what follows the debug password', () => {
  it('reaches the command prompt', async () => {
    const { error, typed } = await logIn((phone) => phone.write('\r\nDEBUG> '));
    assert.equal(error, null);
    assert.deepEqual(typed, ['debug', 'debug-secret']);
  });

  it('silence: a timeout naming the debug password, not retried', async () => {
    const { error, typed } = await logIn(() => undefined);
    const { kind, retryable, message } = failure(error);
    assert.deepEqual([kind, retryable], ['timeout', false]);
    assert.match(
      message,
      /^no prompt within [\d.]+ s after the debug password was sent; not retried, so the password is not sent again$/,
    );
    assert.deepEqual(typed, ['debug', 'debug-secret']);
  });

  it('"Login incorrect" and then silence: refused (shell-login), as the shell said', async () => {
    const { error } = await logIn((phone) => phone.write('\r\n\u001b[1mLogin incorrect\u001b[0m\r\n'));
    assert.deepEqual(failure(error), {
      kind: 'shell-login',
      retryable: false,
      message: 'the debug shell said "Login incorrect": debug user "debug" or its password was refused',
    });
  });

  it('a hang-up without a word: taken as refused (shell-login)', async () => {
    const { error } = await logIn((phone) => phone.end());
    assert.deepEqual(failure(error), {
      kind: 'shell-login',
      retryable: false,
      message:
        'the phone closed the session during debug shell login, after the debug password was sent: taken as refused, not retried',
    });
  });

  it('the login prompt again: refused (shell-login), the password typed once', async () => {
    const { error, typed } = await logIn((phone) => phone.write('\r\nLogin incorrect\r\nlogin: '));
    assert.equal(failure(error).kind, 'shell-login');
    assert.match(failure(error).message, /asked for its login again/);
    assert.deepEqual(typed, ['debug', 'debug-secret']);
  });

  it('silence before any prompt: a plain login timeout, which may be retried', async () => {
    const reader = new ShellReader(new PassThrough());
    const login = loginToDebugShell(reader, new PassThrough(), TARGET, 100, new AbortController().signal);
    const error = await login.catch((caught: unknown) => caught);
    assert.deepEqual(failure(error), {
      kind: 'timeout',
      retryable: true,
      message: 'debug shell login: not done within 0.1 s',
    });
  });
});
