import type { Writable } from 'node:stream';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { PhoneReadError, refusalAfter } from './phone-read-error.js';
import { anyPrompt } from './prompt-matchers.js';
import type { ShellReader } from './shell-reader.js';

/**
 * The phone's second login, inside the SSH session: `login:` gets the debug
 * user, `Password:` the debug password, until the `DEBUG>` prompt. Lines end
 * in LF alone: an 8800 fails a password that ends in CR. A prompt that comes
 * back means the debug credentials were refused: fail at once, never retry
 * (repeated wrong passwords lock accounts).
 */
export async function loginToDebugShell(
  reader: ShellReader,
  input: Writable,
  target: PhoneTarget,
  limitMs: number,
  signal: AbortSignal,
): Promise<void> {
  const matcher = anyPrompt(target.prompts);
  const deadline = Date.now() + limitMs;
  const answered = new Set<'login' | 'password'>();
  for (;;) {
    const limit = { phase: 'debug shell login', ms: Math.max(0, deadline - Date.now()), idle: false };
    const { value: prompt } = await reader.waitFor(matcher, limit, signal).catch((error: unknown) => {
      // busybox-like logins hang up on a wrong password instead of asking again.
      throw answered.has('password') ? refusalAfter(error, 'shell-login', 'debug password') : error;
    });
    if (prompt === 'command') return;
    if (answered.has(prompt)) throw refused(target, prompt);
    answered.add(prompt);
    const answer = prompt === 'login' ? target.debugUsername : target.debugPassword.reveal();
    input.write(`${answer}\n`);
  }
}

function refused(target: PhoneTarget, prompt: 'login' | 'password'): PhoneReadError {
  return new PhoneReadError(
    'shell-login',
    `the debug shell asked for its ${prompt === 'login' ? 'login' : 'password'} again: ` +
      `debug user "${target.debugUsername}" or its password was refused`,
  );
}
