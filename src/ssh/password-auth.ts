import type { AuthHandlerMiddleware, KeyboardInteractiveCallback, Prompt } from 'ssh2';
import type { PhoneTarget } from '../inventory/phone-target.js';

type Attempt = 'password' | 'keyboard-interactive';

/** The authentication of one connection, and whether the password has gone out. */
export interface PasswordAuth {
  readonly handler: AuthHandlerMiddleware;
  /** When the password was sent (Date.now()), null before: what fails after that may be the phone refusing it. */
  readonly sentAt: number | null;
}

/**
 * SSH authentication that sends the password once per connection: by the
 * `password` method, or by `keyboard-interactive` when the phone does not
 * offer `password` (some firmware asks that way). A password the phone
 * refused is never tried again, by the other method or by a second
 * keyboard-interactive round (`onAskedAgain` is called instead, and the
 * caller ends the connection): each wrong attempt counts towards locking the
 * account.
 */
export function passwordOnce(target: PhoneTarget, onAskedAgain: () => void): PasswordAuth {
  let last: Attempt | null = null;
  let sentAt: number | null = null;
  const tried = new Set<Attempt>();
  const markSent = () => {
    sentAt = Date.now();
  };
  const handler = (methodsLeft: string[] | null): unknown => {
    const offered = methodsLeft ?? ['password'];
    // The method just tried is still on offer: the phone judged the password and refused it.
    if (last !== null && offered.includes(last)) return false;
    // `password` is not on offer at all: the phone refused the method, not the password.
    if (last === 'password') sentAt = null;
    const next = ATTEMPTS.find((method) => !tried.has(method) && offered.includes(method));
    if (next === undefined) return false;
    tried.add(next);
    last = next;
    const username = target.username;
    if (next === 'password') {
      markSent();
      return { type: 'password', username, password: target.password.reveal() };
    }
    return { type: 'keyboard-interactive', username, prompt: answerPrompts(target, markSent, onAskedAgain) };
  };
  return {
    handler: handler as unknown as AuthHandlerMiddleware,
    get sentAt() {
      return sentAt;
    },
  };
}

const ATTEMPTS: readonly Attempt[] = ['password', 'keyboard-interactive'];

/**
 * Hidden prompts get the password, a visible one (a user name) the SSH user;
 * a round without prompts (a banner) gets no answers. A second round asking
 * for a hidden answer is the phone refusing the password: not answered.
 */
function answerPrompts(target: PhoneTarget, markSent: () => void, onAskedAgain: () => void) {
  let answered = false;
  return (
    _name: string,
    _instructions: string,
    _lang: string,
    prompts: Prompt[],
    finish: KeyboardInteractiveCallback,
  ) => {
    const hidden = prompts.some((prompt) => prompt.echo !== true);
    if (hidden && answered) return onAskedAgain();
    if (hidden) {
      answered = true;
      markSent();
    }
    finish(prompts.map((prompt) => (prompt.echo === true ? target.username : target.password.reveal())));
  };
}
