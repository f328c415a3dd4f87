import { setMaxListeners } from 'node:events';
import { PhoneReadError } from '../failure/phone-read-error.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl-C, SIGTERM or SIGHUP (the SSH session of the person running it
 * dropped): an abort signal that stops new sessions and closes open ones, so
 * the report can still be written with the unfinished phones marked
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
    controller.abort(new PhoneReadError({ type: 'interrupted', by: name }));
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    release() {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
