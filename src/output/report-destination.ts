import type { Writable } from 'node:stream';
import type { AtomicFile } from './atomic-file.js';

/**
 * Where a report goes: written piece by piece, then kept or thrown away.
 * A file is an AtomicFile (openAtomicFile); standard output is streamDestination.
 */
export type ReportDestination = AtomicFile;

/**
 * Expands `{date}` (YYYY-MM-DD) and `{time}` (HHMMSS) in an output path,
 * both in UTC, so a nightly cron job writes one file per run.
 */
export function expandOutputPath(template: string, now: Date): string {
  const iso = now.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19).replaceAll(':', '');
  return template.replaceAll('{date}', date).replaceAll('{time}', time);
}

/**
 * Standard output, with backpressure: a write waits for `drain` when the
 * stream's buffer is full. A reader that went away (`| head`: EPIPE) is not
 * an error of ours: further output is dropped. A stream that errored or
 * closed never drains, so those end the wait too.
 */
export function streamDestination(stream: Writable): ReportDestination {
  let gone = false;
  const markGone = () => {
    gone = true;
  };
  stream.on('error', markGone);
  stream.once('close', markGone);
  return {
    async write(text) {
      if (gone || stream.destroyed || text === '' || stream.write(text)) return;
      await drained(stream);
    },
    async commit() {},
    async abort() {},
  };
}

function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const events = ['drain', 'error', 'close'] as const;
    const done = () => {
      for (const event of events) stream.off(event, done);
      resolve();
    };
    for (const event of events) stream.once(event, done);
  });
}
