import { setMaxListeners } from 'node:events';
import { PhoneReadError } from '../ssh/phone-read-error.js';

/**
 * Ctrl-C or SIGTERM: an abort signal that stops new sessions and closes open
 * ones, so the report can still be written with the unfinished phones marked
 * `aborted`. A second signal ends the process at once (exit 130).
 */
export function interruptSignal(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  // Every open session listens to it: as many listeners as --concurrency.
  setMaxListeners(0, controller.signal);
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    // On a terminal the progress bar holds the current line: start a new one.
    const newLine = process.stderr.isTTY ? '\n' : '';
    process.stderr.write(`${newLine}unreg: ${name}: closing sessions and writing the report (again to quit at once)\n`);
    controller.abort(new PhoneReadError('aborted', `interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    },
  };
}
