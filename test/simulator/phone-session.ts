import ssh2, { type Algorithms, type ClientChannel } from 'ssh2';

const { Client } = ssh2;

export interface SessionLogin {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly algorithms?: Algorithms;
  /** Authenticate with keyboard-interactive only. */
  readonly keyboardInteractiveOnly?: boolean;
}

/** The algorithms the SSH issue asks clients to append for old firmware. */
export const LEGACY_CLIENT_ALGORITHMS: Algorithms = {
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'], prepend: [], remove: [] },
  serverHostKey: { append: ['ssh-rsa'], prepend: [], remove: [] },
  cipher: { append: ['aes128-cbc', '3des-cbc'], prepend: [], remove: [] },
  hmac: { append: ['hmac-sha1'], prepend: [], remove: [] },
};

/**
 * A test's own SSH client for one simulated phone: an interactive shell with
 * a pty, driven by waiting for text and sending lines. Independent of the
 * product's client on purpose: the simulator is checked on its own.
 */
export class PhoneSession {
  readonly #client = new Client();
  #channel: ClientChannel | null = null;
  #transcript = '';
  // Where the reply to the last line sent starts: waitFor looks only there.
  #replyFrom = 0;
  #closed = false;
  #waiter: (() => void) | null = null;
  readonly closed: Promise<void>;
  hostKey: Buffer | null = null;

  private constructor() {
    this.closed = new Promise((resolve) => {
      this.#client.once('close', () => {
        this.#closed = true;
        this.#waiter?.();
        resolve();
      });
    });
    this.#client.on('error', () => {});
  }

  /** Connects, authenticates and opens the shell; rejects with ssh2's error. */
  static open(login: SessionLogin): Promise<PhoneSession> {
    const session = new PhoneSession();
    return new Promise((resolve, reject) => {
      const client = session.#client;
      client.once('error', reject);
      // ssh2 writes a packet in pieces and leaves Nagle on: without this each
      // line sent waits for the phone's delayed ACK (40 ms on Linux).
      client.once('connect', () => client.setNoDelay(true));
      client.once('ready', () => {
        client.shell({ term: 'vt100', cols: 250, rows: 50 }, (error, channel) => {
          if (error) return reject(error);
          session.#channel = channel;
          channel.on('data', (data: Buffer) => {
            session.#transcript += data.toString('utf8');
            session.#waiter?.();
          });
          client.off('error', reject);
          resolve(session);
        });
      });
      client.connect({
        host: login.host,
        port: login.port,
        username: login.username,
        ...(login.keyboardInteractiveOnly
          ? {
              tryKeyboard: true,
              authHandler: ['keyboard-interactive'],
            }
          : { password: login.password }),
        ...(login.algorithms === undefined ? {} : { algorithms: login.algorithms }),
        readyTimeout: 5000,
        hostVerifier: (key: Buffer) => {
          session.hostKey = key;
          return true;
        },
      });
      if (login.keyboardInteractiveOnly) {
        client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
          finish(prompts.map(() => login.password)),
        );
      }
    });
  }

  get transcript(): string {
    return this.#transcript;
  }

  /** What arrived since the last line sent. */
  get reply(): string {
    return this.#transcript.slice(this.#replyFrom);
  }

  /**
   * Resolves once what arrived since the last line sent matches `pattern`;
   * rejects when the connection closes first or after `timeoutMs`.
   */
  waitFor(pattern: RegExp, timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = null;
        reject(new Error(`timed out waiting for ${pattern}; transcript ends ${JSON.stringify(this.#tail())}`));
      }, timeoutMs);
      const check = () => {
        if (pattern.test(this.reply)) {
          clearTimeout(timer);
          this.#waiter = null;
          resolve();
        } else if (this.#closed) {
          clearTimeout(timer);
          this.#waiter = null;
          reject(new Error(`closed while waiting for ${pattern}; transcript ends ${JSON.stringify(this.#tail())}`));
        }
      };
      this.#waiter = check;
      check();
    });
  }

  send(text: string): void {
    this.#replyFrom = this.#transcript.length;
    this.#channel?.write(text);
  }

  /** Sends `line` and a LF once `prompt` ends the transcript. */
  async answer(prompt: RegExp, line: string): Promise<void> {
    await this.waitFor(prompt);
    this.send(`${line}\n`);
  }

  /** Logs into the debug shell and waits for `DEBUG>`. */
  async debugLogin(username: string, password: string): Promise<void> {
    await this.answer(/login: $/, username);
    await this.answer(/Password: $/, password);
    await this.waitFor(/DEBUG> $/);
  }

  end(): Promise<void> {
    this.#client.end();
    return this.closed;
  }

  #tail(): string {
    return this.#transcript.slice(-120);
  }
}
