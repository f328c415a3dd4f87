import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

// Salts every digest of this process: a digest never leaves it, nor can it be looked up.
const DIGEST_SALT = randomBytes(16);

/**
 * A password that does not print itself: logs, JSON and util.inspect show
 * `[secret]`. Only `reveal()` gives the value, at the one place it is sent.
 */
export class Secret {
  readonly #value: string;
  #digest: string | undefined;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  /**
   * A salted hash of the value: equal for equal passwords within this
   * process, so that they can be told apart (the credential breaker) with
   * no readable copy kept.
   */
  digest(): string {
    this.#digest ??= createHash('sha256').update(DIGEST_SALT).update(this.#value).digest('base64');
    return this.#digest;
  }

  toString(): string {
    return '[secret]';
  }

  toJSON(): string {
    return '[secret]';
  }

  [inspect.custom](): string {
    return '[secret]';
  }
}
