import type { Writable } from 'node:stream';
import { PhoneReadError } from '../failure/phone-read-error.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { anyPrompt, statedRefusal } from './prompt-matchers.js';
import type { ShellReader } from './shell-reader.js';

/**
 * The phone's second login, inside the SSH session: `login:` gets the debug
 * user, `Password:` the debug password, until the `DEBUG>` prompt. Lines end
 * in LF alone: an 8800 fails a password that ends in CR. A prompt that comes
 * back means the debug credentials were refused: fail at once, never retry
 * (repeated wrong passwords lock accounts). So does a `Login incorrect` that
 * no prompt follows. Anything else that fails while the password awaits its
 * answer is classified in that phase: silence a timeout, never retried.
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
  let passwordSentAt: number | null = null;
  for (;;) {
    const limit = { phase: 'debug shell login', ms: Math.max(0, deadline - Date.now()), idle: false } as const;
    const { value: prompt } = await reader.waitFor(matcher, limit, signal).catch((error: unknown) => {
      if (passwordSentAt === null || !(error instanceof PhoneReadError)) throw error;
      const said = statedRefusal(reader.unread);
      const { type } = error.observed;
      if (said !== null && (type === 'silence' || type === 'hang-up')) {
        throw new PhoneReadError(
          { type: 'login-refused', said, debugUsername: target.debugUsername },
          'debug password sent',
        );
      }
      throw error.inPhase('debug password sent', Date.now() - passwordSentAt);
    });
    if (prompt === 'command') return;
    if (answered.has(prompt)) {
      const again = { type: 'prompt-again', prompt, debugUsername: target.debugUsername } as const;
      throw new PhoneReadError(again, 'debug shell login');
    }
    answered.add(prompt);
    const answer = prompt === 'login' ? target.debugUsername : target.debugPassword.reveal();
    input.write(`${answer}\n`);
    if (prompt === 'password') passwordSentAt = Date.now();
  }
}
