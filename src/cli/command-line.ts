import type { Readable, Writable } from 'node:stream';

// What build-cli.ts and every command module share: the process's streams,
// the usage error, and two workarounds for how yargs reads argv.

/** The process's streams and environment, passed in so commands stay testable. */
export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Set by the command that ran. */
  exitStatus: number;
}

/** A terminal's columns (80 when it does not say), or null when the stream is not a terminal. */
export function terminalColumns(stream: { isTTY?: boolean }): number | null {
  if (stream.isTTY !== true) return null;
  return (stream as { columns?: number }).columns || 80;
}

/**
 * A mistake in what the user asked for (a flag, an argument, an input file).
 * Shown as one line on stderr; the exit status is 2 (main.ts).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * yargs drops a lone `-` (yargs/yargs#1312, yargs-parser#381), the usual name
 * for standard input (or output, for --output): the command line passes it on
 * as this token instead.
 */
export const STDIN_ARGUMENT = '\u0000stdin';

/**
 * yargs makes an array of a flag given twice (`--retries 0 --retries 2`),
 * which then fails checks meant for one value or, worse, slips past them
 * (`--host-key-check off --host-key-check strict` acted as accept-new). For
 * a flag that takes one value the last one given wins, as in ssh, curl and
 * git: a wrapper script's defaults first, the user's own after. Use as the
 * option's `coerce`, which yargs applies before `choices` and `check`.
 */
export function lastValue<T>(value: T | readonly T[]): T {
  return Array.isArray(value) ? (value.at(-1) as T) : (value as T);
}
