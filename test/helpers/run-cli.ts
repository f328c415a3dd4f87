import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { CLI_PATH } from './paths.js';

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** A command that runs node for us, e.g. `['unshare', '--net']`. */
  readonly wrapper?: readonly string[];
}

/** A CLI process still running: signal it, watch its stderr, await its end. */
export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** What it has written on stderr so far. */
  stderrSoFar(): string;
  readonly done: Promise<CliRun>;
}

/**
 * Runs the built CLI under plain node, as a user's shell would: no test
 * runner transforms in the way (ssh2 and table are CommonJS; interop bugs
 * only show in a real process).
 */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Starts the built CLI as runCli does, without waiting for it. */
export function startCli(args: string[], options: CliRunOptions = {}): CliProcess {
  const [command = process.execPath, ...commandArgs] = [
    ...(options.wrapper ?? []),
    process.execPath,
    CLI_PATH,
    ...args,
  ];
  const child = spawn(command, commandArgs, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({
        status,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
  child.stdin.end(options.input ?? '');
  return { child, stderrSoFar: () => Buffer.concat(stderr).toString('utf8'), done };
}
