import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { SessionPhase } from '../failure/error-kind.js';
import { PhoneReadError } from '../failure/phone-read-error.js';

/** What a matcher found in the text read so far: a result and where the match ends. */
export interface Match<T> {
  readonly value: T;
  readonly end: number;
}

export type Matcher<T> = (text: string) => Match<T> | null;

export interface WaitLimit {
  /** Named in timeout and disconnect messages. */
  readonly phase: SessionPhase;
  readonly ms: number;
  /** When true the limit is inactivity: the clock restarts whenever data arrives. */
  readonly idle: boolean;
}

/**
 * Reads a phone's interactive shell as text. UTF-8 is decoded across chunk
 * borders; what arrives after a match is kept for the next wait (netmiko's
 * read_until_pattern does the same), so nothing a phone sends is lost.
 */
export class ShellReader {
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => {
      this.text += this.decoder.write(chunk);
      this.wake?.();
    });
    stream.on('close', () => {
      this.text += this.decoder.end();
      this.closed = true;
      this.wake?.();
    });
  }

  /** Text received and not yet consumed by a match (kept for a session cut short). */
  get unread(): string {
    return this.text;
  }

  /**
   * Waits until `matcher` finds something in the unread text; consumes the
   * text up to the match and gives what the matcher found.
   */
  async waitFor<T>(matcher: Matcher<T>, limit: WaitLimit, signal: AbortSignal): Promise<{ value: T; text: string }> {
    const consume = (match: Match<T>) => {
      const text = this.text.slice(0, match.end);
      this.text = this.text.slice(match.end);
      return { value: match.value, text };
    };
    const first = matcher(this.text);
    if (first !== null) return consume(first);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(onTimeout, limit.ms);
      const finish = (error: Error | null, match?: Match<T>) => {
        clearTimeout(timer);
        this.wake = null;
        signal.removeEventListener('abort', onAbort);
        if (error !== null) reject(error);
        else if (match !== undefined) resolve(consume(match));
      };
      function onTimeout() {
        const silence = { type: 'silence', waitedMs: limit.ms, limit: limit.idle ? 'idle' : 'phase' } as const;
        finish(new PhoneReadError(silence, limit.phase));
      }
      function onAbort() {
        finish(signal.reason as Error);
      }
      this.wake = () => {
        const match = matcher(this.text);
        if (match !== null) return finish(null, match);
        if (this.closed) return finish(new PhoneReadError({ type: 'hang-up' }, limit.phase));
        if (limit.idle) timer.refresh();
      };
      if (this.closed) return this.wake();
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
