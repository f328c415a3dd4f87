import type { Argv } from 'yargs';
import type { ReportDestination } from '../../output/report-destination.js';
import { colourFor } from '../../render/colour.js';
import { PLAIN_FORMATS } from '../../render/report-format.js';
import { renderSyslogReport } from '../../syslog/syslog-format.js';
import { buildSyslogReport, type SyslogReport } from '../../syslog/syslog-report.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { DEFAULT_CUCM_WINDOW } from '../cucm-syslog-options.js';
import { EXIT } from '../exit-status.js';
import { openReportTarget, type ReportArgs, withReportOptions } from '../report-options.js';
import { readSyslogFiles, warnMalformed, windowOption } from '../syslog-inputs.js';

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
        PLAIN_FORMATS,
      )
        .option('detail', { type: 'boolean', default: false, describe: 'Table: add every device pair in time order' })
        // Given twice, the last wins (lastValue, command-line.ts). withReportOptions does --format and
        // --output; yargs itself keeps the last of a boolean (--detail --no-detail).
        .coerce(['window', 'year'], lastValue),
    handler: (args: SyslogArgs) => runSyslog(args, io),
  };
}

async function runSyslog(args: SyslogArgs, io: CliIo): Promise<void> {
  const windowMs = windowOption('--window', args.window);
  const year = yearOption(args.year);
  const files = args.files.length === 0 ? [STDIN_ARGUMENT] : args.files;
  const reading = await readSyslogFiles(files, io, year);
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
  const { format, destination, colour, generatedAt, width } = await openReportTarget(args, io);
  if (format === 'html') {
    await destination.abort();
    throw new UsageError('unreg syslog writes no HTML page: give -f table, csv, json or ndjson');
  }
  const pieces = renderSyslogReport(format, report, {
    generatedAt,
    detail: args.detail,
    colour: colourFor(colour),
    width,
  });
  try {
    await writePieces(pieces, destination);
    await destination.commit();
  } catch (error) {
    await destination.abort();
    throw error;
  }
}

function yearOption(year: number | undefined): number | undefined {
  if (year !== undefined && !(Number.isInteger(year) && year >= 1970 && year <= 9999)) {
    throw new UsageError(`--year ${year}: not a year`);
  }
  return year;
}

const WRITE_BYTES = 1 << 16;

// Pieces are small (one event or row each), and standard output writes each
// at once, a write(2) per piece on a pipe: they are gathered into larger
// writes (figures: docs/performance.md, bench:syslog). An --output file
// gathers its writes itself (openAtomicFile): there this only hands it
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
