import { inspect } from 'node:util';

/**
 * A password that does not print itself: logs, JSON and util.inspect show
 * `[secret]`. Only `reveal()` gives the value, at the one place it is sent.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
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
