import type { Argv } from 'yargs';
import { IncidentCollector } from '../../incidents/incident-collector.js';
import { SavedReportError, savedReportEntries } from '../../incidents/saved-report.js';
import { colourFor } from '../../render/colour.js';
import { INCIDENT_FORMATS, type IncidentFormat, renderIncidentReport } from '../../render/incident-report.js';
import { VERSION } from '../../version.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { type IncidentArgs, incidentSettingsFrom, withIncidentOptions } from '../incident-options.js';
import { openReportTarget } from '../report-options.js';
import { readInput } from './parse-command.js';

interface IncidentsArgs extends IncidentArgs {
  files: string[];
  format?: IncidentFormat;
  output?: string;
  detail: boolean;
}

export function incidentsCommand(io: CliIo) {
  return {
    command: 'incidents <files..>',
    describe: 'Find incidents (bursts of phones sharing a switch, subnet, node...) in saved JSON or NDJSON reports',
    builder: (yargs: Argv) =>
      withIncidentOptions(
        yargs
          .positional('files', {
            type: 'string',
            array: true,
            describe: 'Saved reports (-f json or ndjson); - is stdin',
          })
          .option('format', {
            alias: 'f',
            choices: INCIDENT_FORMATS,
            describe: 'table, json or csv (default: from --output extension, else table on a terminal, json otherwise)',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            describe: 'Write to FILE (atomically); {date} and {time} expand',
          })
          .option('detail', { type: 'boolean', default: false, describe: "Table: each incident's devices and ports" })
          .coerce(['format', 'output'], lastValue),
      ),
    handler: (args: IncidentsArgs) => runIncidents(args, io),
  };
}

/**
 * Reads every file before writing anything (a bad file is a usage error and
 * leaves no output behind), keeps each distinct alarm once across files (a
 * week of nightly reports holds the same alarms night after night), then
 * groups them as a report does.
 */
async function runIncidents(args: IncidentsArgs, io: CliIo): Promise<void> {
  const settings = incidentSettingsFrom(args);
  if (args.files.filter((file) => file === STDIN_ARGUMENT).length > 1) throw new UsageError('- (stdin) given twice');
  const collector = new IncidentCollector();
  const phones = new Set<string>();
  for (const file of args.files) {
    const name = file === STDIN_ARGUMENT ? '-' : file;
    for (const entry of readEntries(await readInput(file, io), name)) {
      collector.add(entry);
      phones.add(entry.name ?? entry.host);
    }
  }
  const incidents = collector.incidents(settings);
  const target = await openReportTarget({ output: args.output, detail: args.detail }, io);
  const format: IncidentFormat =
    args.format ?? (target.format === 'table' || target.format === 'csv' ? target.format : 'json');
  const read = { files: args.files.length, phones: phones.size, alarms: collector.alarms };
  const text = renderIncidentReport(format, incidents, {
    version: VERSION,
    generatedAt: target.generatedAt,
    detail: args.detail,
    colour: colourFor(target.colour),
    width: target.width,
    read,
  });
  try {
    await target.destination.write(text);
    await target.destination.commit();
  } catch (error) {
    await target.destination.abort();
    throw error;
  }
  io.exitStatus = EXIT.ok;
}

function readEntries(text: string, file: string) {
  try {
    return savedReportEntries(text, file);
  } catch (error) {
    if (error instanceof SavedReportError) throw new UsageError(error.message);
    throw error;
  }
}
