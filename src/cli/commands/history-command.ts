import type { Database } from 'better-sqlite3';
import type { Argv, CommandModule } from 'yargs';
import { guarded, openHistory } from '../../history/history-store.js';
import { parseHistoryDuration } from '../../history/history-time.js';
import { HISTORY_FORMATS, type HistoryFormat, type HistoryView, renderView } from '../../history/history-view.js';
import { pruneHistory } from '../../history/prune-history.js';
import { flappingView } from '../../history/queries/flapping-query.js';
import { newAlarmsView } from '../../history/queries/new-alarms-query.js';
import { phoneTimelineView } from '../../history/queries/phone-timeline-query.js';
import { runsView } from '../../history/queries/runs-query.js';
import { unreachableView } from '../../history/queries/unreachable-query.js';
import { importReport, readSavedReport } from '../../history/report-import.js';
import { colourFor, colourWanted } from '../../render/colour.js';
import { VERSION } from '../../version.js';
import { type CliIo, lastValue, terminalColumns, UsageError } from '../command-line.js';
import { EXIT } from '../exit-status.js';
import { type HistoryArgs, historyFileOf, usageErrors } from '../history-option.js';
import { commandLine } from '../report-options.js';

interface HistoryQueryArgs extends HistoryArgs {
  format?: HistoryFormat;
}

/** `unreg history <subcommand>`: what the recorded runs say (docs/history.md). */
export function historyCommand(io: CliIo) {
  return {
    command: 'history <command>',
    describe: 'Ask the run history: new alarms, flapping and unreachable phones, one phone; import, prune',
    builder: (yargs: Argv) =>
      yargs
        .option('history', {
          type: 'string',
          describe: 'History file (default $UNREG_HISTORY, else ~/.local/share/unreg/history.sqlite)',
        })
        .option('format', {
          alias: 'f',
          choices: HISTORY_FORMATS,
          describe: 'Output format (default: table on a terminal, json otherwise)',
        })
        .coerce(['history', 'format'], lastValue)
        .command(
          sub(
            'runs',
            'Every recorded run, oldest first',
            (y: Argv) => y,
            (args: HistoryQueryArgs) => answer(args, io, (db) => runsView(db)),
          ),
        )
        .command(
          sub(
            'new',
            'Alarms first seen since a run, a duration or a date (default: by the latest complete run)',
            (y: Argv) =>
              y.option('since', { type: 'string', describe: 'RUN (id), DURATION (24h, 7d) or DATE (2026-01-31)' }),
            (args: HistoryQueryArgs & { since?: string }) =>
              answer(args, io, (db) => newAlarmsView(db, args.since, Date.now())),
          ),
        )
        .command(
          sub(
            'flapping',
            'Phones with at least --min distinct unregistrations within --window, most first',
            (y: Argv) =>
              y
                .option('window', { type: 'string', default: '7d', describe: 'How far back from now (24h, 7d, 2w)' })
                .option('min', { type: 'number', default: 3, describe: 'Fewest distinct unregistrations listed' }),
            (args: HistoryQueryArgs & { window: string; min: number }) => {
              const windowMs = durationOption('--window', args.window);
              const min = countOption('--min', args.min);
              return answer(args, io, (db) =>
                flappingView(db, { window: args.window, windowMs, min, nowMs: Date.now() }),
              );
            },
          ),
        )
        .command(
          sub(
            'unreachable',
            'Phones that failed in each of the last --runs complete sweeps',
            (y: Argv) => y.option('runs', { type: 'number', default: 3, describe: 'How many complete sweeps' }),
            (args: HistoryQueryArgs & { runs: number }) => {
              const runs = countOption('--runs', args.runs);
              return answer(args, io, (db) => unreachableView(db, runs));
            },
          ),
        )
        .command(
          sub(
            'phone <phone>',
            "One phone's timeline: each run's outcome, each alarm first and last seen",
            (y: Argv) => y.positional('phone', { type: 'string', demandOption: true, describe: 'Device name or host' }),
            (args: HistoryQueryArgs & { phone: string }) => answer(args, io, (db) => phoneTimelineView(db, args.phone)),
          ),
        )
        .command(
          sub(
            'import <files..>',
            'Add saved JSON or NDJSON reports as runs (the same report twice is added once)',
            (y: Argv) => y.positional('files', { type: 'string', array: true, demandOption: true }),
            (args: HistoryQueryArgs & { files: string[] }) => importFiles(args, io),
          ),
        )
        .command(
          sub(
            'prune',
            'Remove runs older than --keep, and alarms no remaining run saw',
            (y: Argv) =>
              y.option('keep', { type: 'string', demandOption: true, describe: 'What to keep, back from now (90d)' }),
            (args: HistoryQueryArgs & { keep: string }) => {
              const beforeMs = Date.now() - durationOption('--keep', args.keep);
              return answer(args, io, (db) => prunedView(pruneHistory(db, beforeMs)));
            },
          ),
        )
        .demandCommand(1, 'Name a history command (see unreg history --help).'),
    handler: () => undefined,
  };
}

/** Opens the file (never making one), answers, prints; any problem with the file is one line, exit 2. */
async function answer(
  args: HistoryQueryArgs,
  io: CliIo,
  view: (db: Database) => HistoryView,
  create = false,
): Promise<void> {
  const path = historyFileOf(args, io);
  const db = await usageErrors(() => openHistory(path, { create }));
  try {
    const shown = await usageErrors(async () => guarded(path, () => view(db)));
    const format = args.format ?? (io.stdout.isTTY === true ? 'table' : 'json');
    const colour = colourFor(colourWanted(io.stdout, io.env));
    const command = commandLine(process.argv.slice(2));
    const page = {
      heading: 'What the run history says',
      command,
      version: VERSION,
      generatedAt: new Date().toISOString(),
    };
    io.stdout.write(renderView(shown, format, colour, terminalColumns(io.stdout), page));
  } finally {
    db.close();
  }
  io.exitStatus = EXIT.ok;
}

/** Every file is read and checked first: a bad one stops the import before anything is added. */
async function importFiles(args: HistoryQueryArgs & { files: string[] }, io: CliIo): Promise<void> {
  const reports = await usageErrors(() => Promise.all(args.files.map((file) => readSavedReport(file))));
  const path = historyFileOf(args, io);
  await answer(
    args,
    io,
    (db) => {
      const imports = reports.map((report) => importReport(db, path, report));
      return {
        json: { imports },
        sections: [
          {
            title: 'Imported reports',
            columns: ['file', 'run', 'phones', 'imported'],
            rows: imports.map((i) => [i.file, i.run, i.phones, i.imported ? 'yes' : 'no (already there)']),
          },
        ],
        empty: 'Nothing imported.',
      };
    },
    true,
  );
}

function prunedView(pruned: ReturnType<typeof pruneHistory>): HistoryView {
  return {
    json: { pruned },
    sections: [
      {
        title: `Removed (runs started before ${pruned.before})`,
        columns: ['runs', 'outcomes', 'alarms', 'phones'],
        rows: [[pruned.runs, pruned.outcomes, pruned.alarms, pruned.phones]],
      },
    ],
    empty: '',
  };
}

function durationOption(flag: string, text: string): number {
  const ms = parseHistoryDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`${flag} ${text}: not a duration (e.g. 24h, 7d, 2w)`);
  return ms;
}

function countOption(flag: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a whole number, 1 or more`);
  return value;
}

/** A subcommand; each handler's own argument type is checked by yargs at run time, as in build-cli.ts. */
function sub<A>(
  command: string,
  describe: string,
  builder: (yargs: Argv) => Argv,
  handler: (args: A) => Promise<void>,
): CommandModule {
  return { command, describe, builder, handler: handler as unknown as CommandModule['handler'] };
}
