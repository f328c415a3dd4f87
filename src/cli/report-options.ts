import type { Argv } from 'yargs';
import { expandOutputPath } from '../output/output-path.js';
import { openAtomicFile, streamDestination } from '../output/report-destination.js';
import { ReportWriter } from '../output/report-writer.js';
import { colourWanted } from '../render/colour.js';
import { defaultFormat, REPORT_FORMATS, type ReportFormat, rendererFor } from '../render/report-format.js';
import type { ReportSummary } from '../report/report-document.js';
import { VERSION } from '../version.js';
import type { CliIo } from './cli-io.js';
import { lastValue } from './last-value.js';
import { UsageError } from './usage-error.js';

export interface ReportArgs {
  format?: ReportFormat;
  output?: string;
  detail: boolean;
}

/** The report flags shared by every command that reads phones. */
export function withReportOptions<T>(yargs: Argv<T>): Argv<T & ReportArgs> {
  return yargs
    .option('format', {
      alias: 'f',
      choices: REPORT_FORMATS,
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
      describe: 'Table: add one row per alarm, with its parameters',
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

async function openReport(args: ReportArgs, io: CliIo, now = new Date()): Promise<ReportWriter> {
  const output = args.output === undefined ? undefined : expandOutputPath(args.output, now);
  const format = args.format ?? defaultFormat(output, io.stdout.isTTY === true);
  const renderer = await rendererFor(format, {
    version: VERSION,
    generatedAt: now.toISOString(),
    detail: args.detail,
    colour: output === undefined && colourWanted(io.stdout, io.env),
  });
  const destination = output === undefined ? streamDestination(io.stdout) : await openOutputFile(output);
  return new ReportWriter(renderer, destination);
}

async function openOutputFile(path: string) {
  try {
    return await openAtomicFile(path);
  } catch (error) {
    throw new UsageError(`cannot write --output ${path}: ${(error as Error).message}`);
  }
}
