import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { HOST_KEY_CHECKS, type HostKeyCheck, KnownHostsStore } from '../ssh/host-keys/known-hosts-store.js';
import type { ReadOptions } from '../sweep/read-phone.js';
import { lastValue, UsageError } from './command-line.js';

export interface SessionArgs {
  timeout: number;
  connectTimeout: number;
  loginTimeout: number;
  commandTimeout: number;
  retries: number;
  knownHosts?: string;
  hostKeyCheck: HostKeyCheck;
  legacyAlgorithms: boolean;
  quiet: boolean;
}

const SINGLE_VALUE_FLAGS = [
  'timeout',
  'connect-timeout',
  'login-timeout',
  'command-timeout',
  'retries',
  'known-hosts',
  'host-key-check',
];

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once.
const MAX_TIMER_SECONDS = 2_147_483;

/** The SSH session flags shared by `check` and `sweep`. */
export function withSessionOptions<T>(yargs: Argv<T>): Argv<T & SessionArgs> {
  return yargs
    .option('timeout', { type: 'number', default: 60, describe: 'Seconds a whole phone session may take' })
    .option('connect-timeout', {
      type: 'number',
      default: 10,
      describe: 'Seconds for TCP connect, SSH handshake and auth',
    })
    .option('login-timeout', { type: 'number', default: 20, describe: "Seconds for the debug shell's own login" })
    .option('command-timeout', {
      type: 'number',
      default: 30,
      describe: 'Seconds of silence allowed during show unreg',
    })
    .option('retries', {
      type: 'number',
      default: 1,
      describe: 'Retries after refused, unreachable, timeout or disconnected (never after auth failures)',
    })
    .option('known-hosts', { type: 'string', describe: 'Known-hosts file (default: ~/.config/unreg/known_hosts)' })
    .option('host-key-check', {
      choices: HOST_KEY_CHECKS,
      default: 'accept-new' as HostKeyCheck,
      describe: 'accept-new: record new phones, refuse changed keys; strict: known phones only; off',
    })
    .option('legacy-algorithms', {
      type: 'boolean',
      default: true,
      describe: 'Offer SHA-1 kex, ssh-rsa/ssh-dss and CBC ciphers after the modern ones (old firmware)',
    })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress bar' })
    .coerce(SINGLE_VALUE_FLAGS, lastValue)
    .check((args) => {
      for (const name of ['timeout', 'connect-timeout', 'login-timeout', 'command-timeout'] as const) {
        const seconds = Number(args[name]);
        if (!(seconds > 0 && seconds <= MAX_TIMER_SECONDS)) {
          throw new UsageError(`--${name} must be a number of seconds above 0 and at most ${MAX_TIMER_SECONDS}`);
        }
      }
      if (!Number.isInteger(args.retries) || Number(args.retries) < 0) {
        throw new UsageError('--retries must be a whole number, 0 or more');
      }
      return true;
    }) as unknown as Argv<T & SessionArgs>; // yargs adds the camelCase names at run time
}

/** Where known host keys live unless --known-hosts says otherwise. */
export function defaultKnownHostsPath(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(configHome, 'unreg', 'known_hosts');
}

/** The session settings the flags describe, with the known-hosts file opened. */
export async function readOptionsFrom(args: SessionArgs, env: NodeJS.ProcessEnv): Promise<ReadOptions> {
  const path = args.knownHosts ?? defaultKnownHostsPath(env);
  const hostKeys = await KnownHostsStore.open(path, args.hostKeyCheck).catch((error: Error) => {
    throw new UsageError(`cannot read --known-hosts ${path}: ${error.message}`);
  });
  return {
    connectTimeoutMs: args.connectTimeout * 1000,
    loginTimeoutMs: args.loginTimeout * 1000,
    commandIdleMs: args.commandTimeout * 1000,
    sessionTimeoutMs: args.timeout * 1000,
    retries: args.retries,
    retryDelayMs: 1000,
    legacyAlgorithms: args.legacyAlgorithms,
    hostKeys,
  };
}
