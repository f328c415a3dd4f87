import type { Writable } from 'node:stream';
import type { PhoneEntry } from '../report/report-document.js';

/** Progress of a sweep on stderr. */
export interface SweepProgress {
  phoneDone(entry: PhoneEntry): void;
  stop(): void;
}

const SILENT: SweepProgress = { phoneDone() {}, stop() {} };

/**
 * A progress bar (done/total, ok, failed, rate, ETA) when stderr is a
 * terminal and --quiet was not given; nothing otherwise, so cron mails and
 * logs carry only warnings and errors.
 */
export async function sweepProgress(
  stream: Writable & { isTTY?: boolean },
  total: number,
  quiet: boolean,
): Promise<SweepProgress> {
  if (quiet || stream.isTTY !== true) return SILENT;
  // Loaded only for a terminal: cron runs never draw a bar.
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} phones | ok {ok} | failed {failed} | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      gracefulExit: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  bar.start(total, 0, { ok, failed, rate: '0.0' });
  // The bar hides the cursor; a process that ends at once (a second Ctrl-C)
  // must not leave the terminal without one.
  const showCursor = () => stream.write('\u001b[?25h');
  process.once('exit', showCursor);
  return {
    phoneDone(entry) {
      if (entry.status === 'ok') ok += 1;
      else failed += 1;
      const rate = ((ok + failed) / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);
      bar.increment(1, { ok, failed, rate });
    },
    stop() {
      bar.stop();
      process.off('exit', showCursor);
    },
  };
}
