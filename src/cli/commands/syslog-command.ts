import type { Argv } from 'yargs';
import type { ReportDestination } from '../../output/report-destination.js';
import { colourFor } from '../../render/colour.js';
import { type CucmEventIndex, indexCucmEvents, joinCucmEvents } from '../../syslog/cucm-join.js';
import {
  closeSyslogInputs,
  openSyslogFile,
  readSyslogInputs,
  type SyslogInput,
  SyslogInputError,
  type SyslogReading,
  stdinSyslogInput,
} from '../../syslog/read-syslog.js';
import type { SyslogReadSummary } from '../../syslog/syslog-event.js';
import { renderSyslogReport } from '../../syslog/syslog-format.js';
import { buildSyslogReport, type SyslogReport } from '../../syslog/syslog-report.js';
import { parseDuration } from '../../syslog/window-duration.js';
import type { CliIo } from '../cli-io.js';
import { type CucmJoiner, DEFAULT_CUCM_WINDOW } from '../cucm-syslog-options.js';
import { EXIT } from '../exit-status.js';
import { lastValue } from '../last-value.js';
import { openReportTarget, type ReportArgs, withReportOptions } from '../report-options.js';
import { STDIN_ARGUMENT } from '../stdin-argument.js';
import { UsageError } from '../usage-error.js';

interface SyslogArgs extends ReportArgs {
  files: string[];
  window: string;
  year?: number;
}

export function syslogCommand(io: CliIo) {
  return {
    command: 'syslog [files..]',
    describe: "Read CUCM syslog (EndPointUnregistered, LastOutOfServiceInformation): CUCM's reason next to the phone's",
    builder: (yargs: Argv) =>
      withReportOptions(
        yargs
          .positional('files', { type: 'string', array: true, default: [], describe: 'Syslog files; - is stdin' })
          .option('window', {
            type: 'string',
            default: DEFAULT_CUCM_WINDOW,
            describe: 'Pair a CUCM event with a phone event of the same device this close in time (e.g. 90s, 10m, 1h)',
          })
          .option('year', { type: 'number', describe: 'Year of RFC 3164 dates (they carry none; default: guessed)' }),
      )
        .option('detail', { type: 'boolean', default: false, describe: 'Table: add every device pair in time order' })
        // Given twice, the last wins (see last-value.ts). withReportOptions does --format and
        // --output; yargs itself keeps the last of a boolean (--detail --no-detail).
        .coerce(['window', 'year'], lastValue),
    handler: (args: SyslogArgs) => runSyslog(args, io),
  };
}

async function runSyslog(args: SyslogArgs, io: CliIo): Promise<void> {
  const windowMs = windowOption('--window', args.window);
  const year = yearOption(args.year);
  const files = args.files.length === 0 ? [STDIN_ARGUMENT] : args.files;
  const reading = await readSyslog(files, io, year);
  try {
    warnMalformed(reading.read, io);
    await writeSyslogReport(args, io, buildSyslogReport(reading, windowMs));
  } finally {
    reading.store.close();
  }
  // Malformed lines are reported (above and in the report), not a failure:
  // the read went through. Unreadable input or bad flags exit 2 before this.
  io.exitStatus = EXIT.ok;
}

async function writeSyslogReport(args: SyslogArgs, io: CliIo, report: SyslogReport): Promise<void> {
  const { format, destination, colour, generatedAt } = await openReportTarget(args, io);
  const pieces = renderSyslogReport(format, report, { generatedAt, detail: args.detail, colour: colourFor(colour) });
  try {
    await writePieces(pieces, destination);
    await destination.commit();
  } catch (error) {
    await destination.abort();
    throw error;
  }
}

/** The joiner of `--cucm-syslog` (see cucm-syslog-options.ts), once the files are given. */
export async function cucmJoinerFrom(
  files: readonly string[],
  windowText: string,
  io: CliIo,
  stdinTaken: boolean,
): Promise<CucmJoiner> {
  const windowMs = windowOption('--cucm-window', windowText);
  if (stdinTaken && files.includes(STDIN_ARGUMENT)) {
    throw new UsageError('standard input (-) can feed only one input: the phone files or --cucm-syslog');
  }
  const reading = await readSyslog(files, io, undefined);
  warnMalformed(reading.read, io);
  let index: CucmEventIndex;
  try {
    index = indexCucmEvents(reading.store);
  } finally {
    // The index holds the CUCM events: the store's file is not needed for the joins.
    reading.store.close();
  }
  return (entry) => joinCucmEvents(entry, index, windowMs);
}

async function readSyslog(files: readonly string[], io: CliIo, year: number | undefined): Promise<SyslogReading> {
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

function warnMalformed({ malformed, malformedTotal }: SyslogReadSummary, io: CliIo): void {
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

function windowOption(flag: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} ${text}: not a duration (e.g. 90s, 10m, 1h30m)`);
  return ms;
}

function yearOption(year: number | undefined): number | undefined {
  if (year !== undefined && !(Number.isInteger(year) && year >= 1970 && year <= 9999)) {
    throw new UsageError(`--year ${year}: not a year`);
  }
  return year;
}

const WRITE_BYTES = 1 << 16;

// Pieces are small (one event or row each). Standard output writes each at
// once, a write(2) per piece on a pipe: gathered to 64 KiB, 100,000 events
// to `| cat` took 0.4-0.5 s less system time of 3-4 s in all. An --output
// file gathers its writes itself (openAtomicFile): there this only hands it
// fewer, larger strings.
async function writePieces(pieces: Iterable<string>, destination: ReportDestination): Promise<void> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= WRITE_BYTES) {
      await destination.write(batch);
      batch = '';
    }
  }
  await destination.write(batch);
}
