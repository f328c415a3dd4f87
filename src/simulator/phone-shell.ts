import type { PhoneMode } from './phone-modes.js';

/** Delays before each step, in milliseconds (0: at once). */
export interface ShellTimings {
  /** From the shell's start to `login:`. */
  readonly loginPromptMs: number;
  /** From the debug user to `Password:`. */
  readonly passwordPromptMs: number;
  /** From the right password to `DEBUG>`. */
  readonly commandPromptMs: number;
  /** From `show unreg` to its output. */
  readonly outputMs: number;
}

export interface ShellSettings {
  readonly mode: PhoneMode;
  readonly debugUsername: string;
  /** The debug password this phone expects. */
  readonly debugPassword: string;
  readonly timings: ShellTimings;
  /** The `show unreg` output, and the part a dropping phone sends. */
  readonly output: { showUnreg(): Buffer; cutMidBlock(): Buffer };
}

/** What the shell does to its session. */
export interface ShellIo {
  write(data: string | Buffer): void;
  /** `exit` typed (or too many failed logins): end the session. */
  exit(): void;
  /** Send what is given, then drop the connection without a goodbye. */
  drop(data: Buffer): void;
  /** `show unreg` output was sent in full. */
  served(): void;
}

type State = 'starting' | 'user' | 'password' | 'command' | 'busy' | 'hung' | 'closed';

const PROMPT = 'DEBUG> ';
const MAX_LOGIN_ATTEMPTS = 3;
const EXIT_COMMANDS = new Set(['exit', 'quit', 'logout']);

/**
 * A phone's debug shell inside the SSH session: its own `login:` /
 * `Password:` login, then `DEBUG>` commands. Input is taken a line (LF) at a
 * time and echoed as a pty would, except the password. Lines typed ahead wait
 * until the shell reads again. One timer at most, cleared by `close()`.
 */
export class PhoneShell {
  readonly #io: ShellIo;
  readonly #settings: ShellSettings;
  #state: State = 'starting';
  #pending = '';
  #user = '';
  #failedLogins = 0;
  #timer: NodeJS.Timeout | null = null;
  // What one step writes goes out as one SSH packet: each packet costs a
  // cipher set-up, random padding and, on loopback, a wake-up of the client.
  #out: (string | Buffer)[] = [];

  constructor(io: ShellIo, settings: ShellSettings) {
    this.#io = io;
    this.#settings = settings;
  }

  start(): void {
    this.#after(this.#settings.timings.loginPromptMs, () => this.#ask('user', 'login: '));
    this.#flush();
  }

  receive(data: Buffer): void {
    if (this.#state === 'closed' || this.#state === 'hung') return;
    this.#pending += data.toString('utf8');
    this.#readLines();
    this.#flush();
  }

  close(): void {
    this.#state = 'closed';
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #readLines(): void {
    for (let end = this.#pending.indexOf('\n'); end !== -1 && this.#reading(); end = this.#pending.indexOf('\n')) {
      const line = this.#pending.slice(0, end);
      this.#pending = this.#pending.slice(end + 1);
      this.#onLine(line);
    }
  }

  #reading(): boolean {
    return this.#state === 'user' || this.#state === 'password' || this.#state === 'command';
  }

  #onLine(line: string): void {
    if (this.#state === 'user') this.#onUser(line);
    else if (this.#state === 'password') this.#onPassword(line);
    else this.#onCommand(line);
  }

  #onUser(line: string): void {
    this.#write(`${line}\r\n`);
    this.#user = line.replace(/\r$/, '');
    this.#state = 'busy';
    this.#after(this.#settings.timings.passwordPromptMs, () => this.#ask('password', 'Password: '));
  }

  // The password is taken verbatim: a CR before the LF makes it wrong, as on
  // an 8800. Not echoed; login prints the line end itself.
  #onPassword(line: string): void {
    const { debugUsername, debugPassword, timings, mode } = this.#settings;
    if (mode === 'silent-after-debug-password') {
      this.#state = 'hung';
      return;
    }
    if (this.#user === debugUsername && line === debugPassword) {
      this.#write('\r\n');
      this.#state = 'busy';
      this.#after(timings.commandPromptMs, () => this.#ask('command', PROMPT));
      return;
    }
    this.#failedLogins += 1;
    if (this.#failedLogins >= MAX_LOGIN_ATTEMPTS || this.#settings.mode === 'debug-login-closes') {
      this.#write('\r\nLogin incorrect\r\n');
      this.#end();
      return;
    }
    this.#ask('user', '\r\nLogin incorrect\r\nlogin: ');
  }

  #onCommand(line: string): void {
    this.#write(`${line}\r\n`);
    const command = line.trim().replace(/\s+/g, ' ');
    if (command === '') this.#write(PROMPT);
    else if (EXIT_COMMANDS.has(command)) this.#end();
    else if (command === 'show unreg') this.#showUnreg();
    else this.#write(`Unknown command: ${command.slice(0, 80)}\r\n${PROMPT}`);
  }

  #showUnreg(): void {
    const { mode, output, timings } = this.#settings;
    if (mode === 'no-show-unreg') {
      this.#write(`Unknown command: show unreg\r\n${PROMPT}`);
    } else if (mode === 'hang') {
      this.#state = 'hung';
    } else {
      this.#state = 'busy';
      this.#after(timings.outputMs, () => {
        if (mode === 'drop') {
          this.#flush();
          this.#state = 'closed';
          this.#io.drop(output.cutMidBlock());
          return;
        }
        this.#write(output.showUnreg());
        this.#write(PROMPT);
        this.#io.served();
        this.#state = 'command';
        this.#readLines();
      });
    }
  }

  #ask(state: State, prompt: string): void {
    this.#write(prompt);
    this.#state = state;
    this.#readLines();
  }

  #end(): void {
    this.#flush();
    this.close();
    this.#io.exit();
  }

  #write(data: string | Buffer): void {
    this.#out.push(data);
  }

  #flush(): void {
    if (this.#out.length === 0) return;
    const parts = this.#out;
    this.#out = [];
    if (parts.length === 1 && parts[0] !== undefined) this.#io.write(parts[0]);
    else this.#io.write(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))));
  }

  #after(ms: number, step: () => void): void {
    if (ms <= 0) {
      step();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#state === 'closed') return;
      step();
      this.#flush();
    }, ms);
  }
}
