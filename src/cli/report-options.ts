import type { Argv } from 'yargs';
import { expandOutputPath, type ReportDestination, streamDestination } from '../output/report-destination.js';
import { ReportWriter } from '../output/report-writer.js';
import { colourWanted } from '../render/colour.js';
import { defaultFormat, REPORT_FORMATS, type ReportFormat, rendererFor } from '../render/report-format.js';
import type { ReportSummary } from '../report/report-document.js';
import { VERSION } from '../version.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, terminalColumns, UsageError } from './command-line.js';
import { type IncidentArgs, incidentSettingsFrom, withIncidentOptions } from './incident-options.js';

export interface ReportArgs extends Partial<IncidentArgs> {
  format?: ReportFormat;
  output?: string;
  detail: boolean;
}

/** The report flags shared by every command that reads phones. */
export function withReportOptions<T>(
  yargs: Argv<T>,
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Argv<T & ReportArgs> {
  return withIncidentOptions(yargs)
    .option('format', {
      alias: 'f',
      choices: formats,
      describe: 'Report format (default: from --output extension, else table on a terminal, json otherwise)',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      describe: 'Write the report to FILE (atomically); {date} and {time} expand to UTC',
    })
    .option('detail', {
      type: 'boolean',
      default: false,
      describe: "Table: add one row per alarm, with its parameters, and each incident's devices and ports",
    })
    .coerce(['format', 'output'], lastValue) as Argv<T & ReportArgs>;
}

/**
 * Writes the report the flags ask for: `body` adds the phones; the report is
 * completed when it returns and thrown away (no partial file) when it throws.
 */
export async function writeReport(
  args: ReportArgs,
  io: CliIo,
  body: (report: ReportWriter) => Promise<void>,
): Promise<ReportSummary> {
  const report = await openReport(args, io);
  try {
    await body(report);
    return await report.finish();
  } catch (error) {
    await report.abandon();
    throw error;
  }
}

async function openReport(args: ReportArgs, io: CliIo): Promise<ReportWriter> {
  // Checked before the output file is opened: a bad flag leaves nothing behind.
  const incidents = incidentSettingsFrom(args);
  const target = await openReportTarget(args, io);
  const renderer = await rendererFor(target.format, {
    ...target,
    version: VERSION,
    detail: args.detail,
    command: commandLine(process.argv.slice(2)),
  });
  return new ReportWriter(renderer, target.destination, incidents);
}

/** The command line as a shell would take it back (argv never holds a secret: passwords come from elsewhere). */
export function commandLine(args: readonly string[]): string {
  const quoted = args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  return ['unreg', ...quoted].join(' ');
}

/** Where a report goes and how it looks, as --format and --output (and the terminal) decide. */
export interface ReportTarget {
  readonly format: ReportFormat;
  readonly destination: ReportDestination;
  /** Colour codes only on a terminal, never with NO_COLOR, never into a file. */
  readonly colour: boolean;
  /** The terminal's columns a table fits (render/fit-table.ts); null into a pipe or a file. */
  readonly width: number | null;
  readonly generatedAt: string;
}

/** Opens the report's destination: stdout, or the --output file ({date}/{time} expanded) written atomically. */
export async function openReportTarget(args: ReportArgs, io: CliIo, now = new Date()): Promise<ReportTarget> {
  // `-o -` is standard output, as for most tools.
  const requested = args.output === STDIN_ARGUMENT ? undefined : args.output;
  const output = requested === undefined ? undefined : expandOutputPath(requested, now);
  return {
    format: args.format ?? defaultFormat(output, io.stdout.isTTY === true),
    destination: output === undefined ? streamDestination(io.stdout) : await openOutputFile(output),
    colour: output === undefined && colourWanted(io.stdout, io.env),
    width: output === undefined ? terminalColumns(io.stdout) : null,
    generatedAt: now.toISOString(),
  };
}

async function openOutputFile(path: string): Promise<ReportDestination> {
  // Loaded only for --output: it brings node:crypto, whose loading a short
  // command to standard output would pay for nothing (docs/performance.md).
  const { openAtomicFile } = await import('../output/atomic-file.js');
  try {
    return await openAtomicFile(path);
  } catch (error) {
    throw new UsageError(`cannot write --output ${path}: ${(error as Error).message}`);
  }
}
