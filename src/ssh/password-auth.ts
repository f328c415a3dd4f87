import type { AuthHandlerMiddleware, KeyboardInteractiveCallback, Prompt } from 'ssh2';
import type { PhoneTarget } from '../inventory/phone-target.js';

type Attempt = 'password' | 'keyboard-interactive';

/**
 * SSH authentication that sends the password once per connection: by the
 * `password` method, or by `keyboard-interactive` when the phone does not
 * offer `password` (some firmware asks that way). A password the phone
 * refused is never tried again by the other method: each wrong attempt
 * counts towards locking the account.
 */
export function passwordOnce(target: PhoneTarget): AuthHandlerMiddleware {
  let last: Attempt | null = null;
  const tried = new Set<Attempt>();
  const handler = (methodsLeft: string[] | null): unknown => {
    const offered = methodsLeft ?? ['password'];
    // The method just tried is still on offer: the phone judged the password and refused it.
    if (last !== null && offered.includes(last)) return false;
    const next = ATTEMPTS.find((method) => !tried.has(method) && offered.includes(method));
    if (next === undefined) return false;
    tried.add(next);
    last = next;
    const username = target.username;
    if (next === 'password') return { type: 'password', username, password: target.password.reveal() };
    return { type: 'keyboard-interactive', username, prompt: answerPrompts(target) };
  };
  return handler as unknown as AuthHandlerMiddleware;
}

const ATTEMPTS: readonly Attempt[] = ['password', 'keyboard-interactive'];

/** Hidden prompts get the password; a visible one (a user name) gets the SSH user. */
function answerPrompts(target: PhoneTarget) {
  return (
    _name: string,
    _instructions: string,
    _lang: string,
    prompts: Prompt[],
    finish: KeyboardInteractiveCallback,
  ) => finish(prompts.map((prompt) => (prompt.echo === true ? target.username : target.password.reveal())));
}
