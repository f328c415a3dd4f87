import type { ClientChannel, Client as SshClient } from 'ssh2';
import type { SessionPhase } from '../failure/error-kind.js';
import { PhoneReadError } from '../failure/phone-read-error.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import { closeConnection } from './connection-close.js';
import { loginToDebugShell } from './debug-shell-login.js';
import { endOfShowUnreg } from './prompt-matchers.js';
import { ShellReader } from './shell-reader.js';
import { type ConnectOptions, openSshConnection, type SshConnection } from './ssh-connection.js';

export interface SessionOptions extends ConnectOptions {
  /** The debug shell's login, from the shell opening to the `DEBUG>` prompt. */
  readonly loginTimeoutMs: number;
  /** Silence allowed while `show unreg` prints. */
  readonly commandIdleMs: number;
  /** The whole session, connect to close: a hung phone never holds a slot longer. */
  readonly sessionTimeoutMs: number;
  /** Paces the sessions' handshakes (sweep/handshake-pacer.ts); none: each starts at once. */
  readonly handshakes?: HandshakeGate;
}

/** Lets a session's handshake (connect to the shell opening) start; `done` when it is over, however it ended. */
export interface HandshakeGate {
  start(signal: AbortSignal): Promise<void>;
  done(): void;
}

// Wide enough that no alarm line wraps (LastProtocolEventSent runs long).
const PTY = { term: 'vt100', cols: 1000, rows: 200, width: 0, height: 0 };
// The only commands ever sent: the debug shell also has destructive ones.
const SHOW_UNREG = 'show unreg\n';
const EXIT_COMMAND = 'exit\n';

/**
 * One SSH session to one phone: connect, log into the debug shell, run
 * `show unreg`, exit. Gives the raw output, or throws a PhoneReadError whose
 * message names the phase it failed in.
 */
export async function captureShowUnreg(
  target: PhoneTarget,
  options: SessionOptions,
  signal: AbortSignal,
): Promise<string> {
  // Waiting to start is not part of the session: its deadline starts after.
  await options.handshakes?.start(signal);
  let handshaking = options.handshakes !== undefined;
  const handshakeOver = () => {
    if (handshaking) options.handshakes?.done();
    handshaking = false;
  };
  const session = new AbortController();
  // Until connected, the connection names the phase more closely (see inPhase).
  let phase: SessionPhase = 'TCP connect';
  const silence = { type: 'silence', waitedMs: options.sessionTimeoutMs, limit: 'session' } as const;
  const deadline = setTimeout(() => session.abort(new PhoneReadError(silence, phase)), options.sessionTimeoutMs);
  const forward = () => session.abort(signal.reason);
  signal.addEventListener('abort', forward, { once: true });
  if (signal.aborted) forward();
  let connection: SshConnection | null = null;
  try {
    connection = await openSshConnection(target, options, session.signal);
    const { client } = connection;
    phase = 'debug shell login';
    const shell = await openShell(client, session.signal);
    handshakeOver();
    const reader = new ShellReader(shell);
    await loginToDebugShell(reader, shell, target, options.loginTimeoutMs, session.signal);
    phase = 'show unreg';
    shell.write(SHOW_UNREG);
    const output = await readShowUnreg(reader, target, options, session.signal);
    shell.end(EXIT_COMMAND);
    await closeConnection(connection, true, signal);
    return output;
  } catch (error) {
    // Interrupted or past the session's deadline: close at once. Otherwise as
    // after success: a slot is free only when the phone has closed its side
    // too (briefly awaited).
    if (connection !== null) await closeConnection(connection, !session.signal.aborted, signal);
    throw error;
  } finally {
    handshakeOver();
    clearTimeout(deadline);
    signal.removeEventListener('abort', forward);
  }
}

async function readShowUnreg(
  reader: ShellReader,
  target: PhoneTarget,
  options: SessionOptions,
  signal: AbortSignal,
): Promise<string> {
  const limit = { phase: 'show unreg', ms: options.commandIdleMs, idle: true } as const;
  try {
    return (await reader.waitFor(endOfShowUnreg(target.prompts.command), limit, signal)).text;
  } catch (error) {
    throw error instanceof PhoneReadError ? error.withOutput(reader.unread) : error;
  }
}

function openShell(client: SshClient, signal: AbortSignal): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    client.shell(PTY, (error, channel) => {
      signal.removeEventListener('abort', onAbort);
      if (error) reject(new PhoneReadError({ type: 'shell-refused', detail: error.message }, 'debug shell login'));
      else resolve(channel);
    });
  });
}
