import type { Argv } from 'yargs';
import { groupIncidents } from '../../incidents/group-incidents.js';
import type { IncidentSettings } from '../../incidents/incident.js';
import { IncidentCollector } from '../../incidents/incident-collector.js';
import { SavedReportError, savedReportEntries } from '../../incidents/saved-report.js';
import { colourFor } from '../../render/colour.js';
import {
  INCIDENT_FORMATS,
  type IncidentFormat,
  type IncidentReportContext,
  renderIncidentReport,
} from '../../render/incident-report.js';
import type { FoundIncident } from '../../report/report-document.js';
import { VERSION } from '../../version.js';
import { type CliIo, lastValue, STDIN_ARGUMENT, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { historyFileOf, usageErrors } from '../history-option.js';
import { type IncidentArgs, incidentSettingsFrom, withIncidentOptions } from '../incident-options.js';
import { openReportTarget } from '../report-options.js';
import { readInput } from './parse-command.js';

interface IncidentsArgs extends IncidentArgs {
  files?: string[];
  /** A file; '' for the default one. */
  history?: string;
  since?: string;
  format?: IncidentFormat;
  output?: string;
  detail: boolean;
}

export function incidentsCommand(io: CliIo) {
  return {
    command: 'incidents [files..]',
    describe:
      'Find incidents (bursts of phones sharing a switch, subnet, node...) in saved JSON or NDJSON reports, or in the history',
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
            describe:
              'table, json, csv or html (default: from --output extension, else table on a terminal, json otherwise)',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            describe: 'Write to FILE (atomically); {date} and {time} expand',
          })
          .option('detail', { type: 'boolean', default: false, describe: "Table: each incident's devices and ports" })
          .option('history', {
            type: 'string',
            describe:
              'Read the alarms of the history FILE instead of reports (default $UNREG_HISTORY, else ~/.local/share/unreg/history.sqlite)',
          })
          .option('since', {
            type: 'string',
            describe: 'With --history: only alarms first seen after RUN (id), DURATION (24h, 7d) or DATE (2026-01-31)',
          })
          .coerce(['format', 'output', 'history', 'since'], lastValue),
      ),
    handler: (args: IncidentsArgs) => runIncidents(args, io),
  };
}

/**
 * Reads every file (or the history) before writing anything: a bad file is a
 * usage error and leaves no output behind. Each distinct alarm is kept once
 * across files (a week of nightly reports holds the same alarms night after
 * night) as the history stores it once; then they are grouped as a report does.
 */
async function runIncidents(args: IncidentsArgs, io: CliIo): Promise<void> {
  const settings = incidentSettingsFrom(args);
  const files = args.files ?? [];
  if (args.history !== undefined && files.length > 0) throw new UsageError('give saved reports or --history, not both');
  if (args.history === undefined && files.length === 0) throw new UsageError('name saved reports, or --history FILE');
  if (args.history === undefined && args.since !== undefined) throw new UsageError('--since needs --history');
  const found =
    args.history === undefined
      ? await reportIncidents(files, settings, io)
      : await historyIncidents(args, settings, io);
  const target = await openReportTarget({ output: args.output, detail: args.detail }, io);
  const format: IncidentFormat =
    args.format ??
    (INCIDENT_FORMATS.some((known) => known === target.format) ? (target.format as IncidentFormat) : 'json');
  const text = renderIncidentReport(format, found.incidents, {
    version: VERSION,
    generatedAt: target.generatedAt,
    detail: args.detail,
    colour: colourFor(target.colour),
    width: target.width,
    read: found.read,
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

interface FoundIncidents {
  readonly incidents: FoundIncident[];
  readonly read: IncidentReportContext['read'];
}

async function reportIncidents(files: string[], settings: IncidentSettings, io: CliIo): Promise<FoundIncidents> {
  if (files.filter((file) => file === STDIN_ARGUMENT).length > 1) throw new UsageError('- (stdin) given twice');
  const collector = new IncidentCollector();
  const phones = new Set<string>();
  for (const file of files) {
    const name = file === STDIN_ARGUMENT ? '-' : file;
    for (const entry of readEntries(await readInput(file, io), name)) {
      collector.add(entry);
      phones.add(entry.name ?? entry.host);
    }
  }
  const from = `${files.length} ${files.length === 1 ? 'file' : 'files'}`;
  return { incidents: collector.incidents(settings), read: { from, phones: phones.size, alarms: collector.alarms } };
}

/** The history file is opened (never made) and checked as `unreg history` does: a bad one is exit 2, one line. */
async function historyIncidents(args: IncidentsArgs, settings: IncidentSettings, io: CliIo): Promise<FoundIncidents> {
  const { openHistory, guarded } = await import('../../history/history-store.js');
  const { historyIncidentInput } = await import('../../history/queries/incident-alarms-query.js');
  const path = historyFileOf(args, io);
  const db = await usageErrors(() => openHistory(path, { create: false }));
  try {
    const input = await usageErrors(async () => guarded(path, () => historyIncidentInput(db, args.since, Date.now())));
    const incidents = groupIncidents(input.records, settings, input.sitePhones);
    return { incidents, read: { from: `the history ${path}`, phones: input.phones, alarms: input.records.length } };
  } finally {
    db.close();
  }
}

function readEntries(text: string, file: string) {
  try {
    return savedReportEntries(text, file);
  } catch (error) {
    if (error instanceof SavedReportError) throw new UsageError(error.message);
    throw error;
  }
}
