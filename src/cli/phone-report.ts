import type { HistoryRecording } from '../history/history-recording.js';
import type { PhoneTarget } from '../inventory/phone-target.js';
import type { PhoneEntry } from '../report/report-document.js';
import { runSweep, type SweepOptions } from '../sweep/run-sweep.js';
import { interruptSignal } from '../terminal/interrupt.js';
import { sweepProgress } from '../terminal/sweep-progress.js';
import type { CliIo } from './command-line.js';
import { EXIT } from './exit-status.js';
import { finishHistoryRecording, recordEntry } from './history-option.js';
import { type ReportArgs, writeReport } from './report-options.js';

/**
 * Reads phones into a report, the shared end of `check` and `sweep`:
 * progress on stderr, every phone written as it finishes, Ctrl-C honoured,
 * and the exit status: 0 all read, 1 any failed, 130 interrupted.
 */
export async function reportPhones(
  targets: readonly PhoneTarget[],
  options: SweepOptions,
  args: ReportArgs & { quiet: boolean },
  io: CliIo,
  /** Adds to each entry what the run knows besides the phone (CUCM's events). */
  complete: (entry: PhoneEntry) => PhoneEntry = (entry) => entry,
  /** --history: the run's recording, one more consumer of the entries. */
  history: HistoryRecording | null = null,
): Promise<void> {
  const interrupt = interruptSignal();
  const progress = await sweepProgress(io.stderr, targets.length, args.quiet);
  const skipped = new Map<string, number>();
  try {
    const summary = await writeReport(args, io, async (report) => {
      await runSweep(targets, options, interrupt.signal, async (entry) => {
        progress.phoneDone(entry);
        if (entry.error?.kind === 'skipped')
          skipped.set(entry.error.message, (skipped.get(entry.error.message) ?? 0) + 1);
        await report.add(recordEntry(history, complete(entry)));
      });
      progress.stop();
    });
    // Whatever the format, stderr says it: one wrong password left part of the fleet unread.
    for (const [why, phones] of skipped) io.stderr.write(`unreg: ${phones} phone(s) skipped, ${why}\n`);
    const keyError = await options.hostKeys.flush();
    if (keyError !== null) io.stderr.write(`unreg: warning: could not record new host keys: ${keyError.message}\n`);
    if (interrupt.signal.aborted) io.exitStatus = EXIT.interrupted;
    else io.exitStatus = summary.phones.failed > 0 ? EXIT.someFailed : EXIT.ok;
    finishHistoryRecording(history, !interrupt.signal.aborted, io);
    history = null;
  } finally {
    history?.abandon();
    progress.stop();
    interrupt.release();
  }
}
