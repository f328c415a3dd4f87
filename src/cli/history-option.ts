import type { Argv } from 'yargs';
import { HistoryArgumentError, HistoryFileError } from '../history/history-error.js';
import { historyPath } from '../history/history-path.js';
import type { HistoryRecording } from '../history/history-recording.js';
import type { PhoneEntry } from '../report/report-document.js';
import { type CliIo, lastValue, UsageError } from './command-line.js';
import { EXIT } from './exit-status.js';

export interface HistoryArgs {
  /** A file; '' for the default one; false with --no-history. */
  history?: string | false;
}

/** `--history [FILE]`, for the commands that read phones. */
export function withHistoryOption<T>(yargs: Argv<T>): Argv<T & HistoryArgs> {
  return yargs
    .option('history', {
      type: 'string',
      describe:
        'Record this run in the history FILE (SQLite; default $UNREG_HISTORY, else ~/.local/share/unreg/history.sqlite); --no-history: not even with UNREG_HISTORY set',
    })
    .coerce('history', lastValue) as Argv<T & HistoryArgs>;
}

/** The history file a command names: the flag, UNREG_HISTORY or the default. */
export function historyFileOf(args: HistoryArgs, io: CliIo): string {
  return historyPath(typeof args.history === 'string' ? args.history : undefined, io.env);
}

/**
 * Opens the recording when --history or UNREG_HISTORY asks for one (null
 * otherwise), before any phone is read: a file that is not a usable history
 * stops the command with exit 2. The SQLite binding is loaded only here.
 */
export async function startHistoryRecording(
  args: HistoryArgs,
  io: CliIo,
  command: string,
  inputs: readonly string[],
): Promise<HistoryRecording | null> {
  if (args.history === false) return null;
  if (args.history === undefined && (io.env.UNREG_HISTORY ?? '') === '') return null;
  const { HistoryRecording } = await import('../history/history-recording.js');
  return usageErrors(() => HistoryRecording.start(historyFileOf(args, io), { command, inputs, startedAt: Date.now() }));
}

/** Ends a recording once the report is written; a failure to record is exit 74, said in one line. */
export function finishHistoryRecording(recording: HistoryRecording | null, complete: boolean, io: CliIo): void {
  const failure = recording?.finish(complete) ?? null;
  if (failure === null) return;
  io.stderr.write(`unreg: could not record the run in the history: ${failure.message.split('\n')[0]}\n`);
  io.exitStatus = EXIT.outputFailed;
}

/** The entry goes to the history too, when one is recorded. */
export function recordEntry(recording: HistoryRecording | null, entry: PhoneEntry): PhoneEntry {
  recording?.phone(entry);
  return entry;
}

/** A history file that cannot be used, or a question it cannot answer, is the user's to fix: exit 2, one line. */
export async function usageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof HistoryFileError || error instanceof HistoryArgumentError
      ? new UsageError(error.message)
      : error;
  }
}
