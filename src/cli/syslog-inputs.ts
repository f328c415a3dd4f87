import type { SyslogReadSummary } from '../report/syslog-event.js';
import {
  closeSyslogInputs,
  openSyslogFile,
  readSyslogInputs,
  type SyslogInput,
  SyslogInputError,
  type SyslogReading,
  stdinSyslogInput,
} from '../syslog/read-syslog.js';
import { parseDuration } from '../syslog/window-duration.js';
import { type CliIo, STDIN_ARGUMENT, UsageError } from './command-line.js';

// The syslog files named on a command line, read for `unreg syslog` and for
// `--cucm-syslog` alike: an unreadable file or a bad window is a usage error
// (exit 2, before any report is written); a malformed line is only a warning.

/** Reads `files` (STDIN_ARGUMENT: standard input), every one opened before any is read. */
export async function readSyslogFiles(
  files: readonly string[],
  io: CliIo,
  year: number | undefined,
): Promise<SyslogReading> {
  if (files.filter((file) => file === STDIN_ARGUMENT).length > 1) throw new UsageError('- (stdin) given twice');
  const inputs: SyslogInput[] = [];
  try {
    // Open every file first: one that cannot be read stops the command before any reading.
    for (const file of files)
      inputs.push(file === STDIN_ARGUMENT ? stdinSyslogInput(io.stdin) : await openSyslogFile(file));
  } catch (error) {
    await closeSyslogInputs(inputs);
    throw usageErrorFrom(error);
  }
  // readSyslogInputs closes the files, whatever happens.
  return readSyslogInputs(inputs, { year }).catch((error: unknown) => {
    throw usageErrorFrom(error);
  });
}

function usageErrorFrom(error: unknown): unknown {
  return error instanceof SyslogInputError ? new UsageError(error.message) : error;
}

const MALFORMED_SHOWN = 10;

export function warnMalformed({ malformed, malformedTotal }: SyslogReadSummary, io: CliIo): void {
  for (const entry of malformed.slice(0, MALFORMED_SHOWN)) {
    io.stderr.write(`unreg: ${entry.file}:${entry.line}: skipped: ${entry.message}\n`);
  }
  if (malformedTotal > MALFORMED_SHOWN) {
    const listed = malformedTotal > malformed.length ? `the first ${malformed.length} listed` : 'listed';
    io.stderr.write(
      `unreg: ... and ${malformedTotal - MALFORMED_SHOWN} more malformed lines (${listed} in the report)\n`,
    );
  }
}

/** A window flag (`--window`, `--cucm-window`) in milliseconds. */
export function windowOption(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} ${text}: not a duration (e.g. 90s, 10m, 1h30m)`);
  return ms;
}
