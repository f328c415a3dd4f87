import type { Database } from 'better-sqlite3';
import { HistoryArgumentError } from './history-error.js';
import { isoTime, parseHistoryDuration } from './history-time.js';

/** Where `history new` starts: after a run, after a moment, or the latest complete run's own finds. */
export type SinceCut = { readonly run: number; readonly exact: boolean } | { readonly afterMs: number };

export interface SinceJson {
  /** --since as given; null for the default (the latest complete run). */
  readonly given: string | null;
  /** The run named, or the latest complete run (default); null for a duration or a date. */
  readonly run: number | null;
  /** Alarms first seen after this time (ISO 8601 UTC); null for the default. */
  readonly after: string | null;
}

/**
 * `--since RUN|DURATION|DATE`: a run id (alarms first seen after that run),
 * a duration back from now (`24h`, `7d`), or a date or time (ISO 8601).
 * Without it: the alarms first seen by the latest complete run. An unknown
 * run or text that is none of these throws an Error naming it.
 */
export function resolveSince(
  db: Database,
  given: string | undefined,
  nowMs: number,
): { cut: SinceCut | null; json: SinceJson } {
  if (given === undefined) {
    const latest = db
      .prepare('SELECT id FROM runs WHERE complete = 1 ORDER BY started_at DESC, id DESC LIMIT 1')
      .pluck()
      .get() as number | undefined;
    return {
      cut: latest === undefined ? null : { run: latest, exact: true },
      json: { given: null, run: latest ?? null, after: null },
    };
  }
  if (/^\d+$/.test(given)) {
    const startedAt = db.prepare('SELECT started_at FROM runs WHERE id = ?').pluck().get(Number(given)) as
      | number
      | undefined;
    if (startedAt === undefined) throw new HistoryArgumentError(`--since ${given}: no run ${given} in the history`);
    return { cut: { afterMs: startedAt }, json: { given, run: Number(given), after: isoTime(startedAt) } };
  }
  const duration = parseHistoryDuration(given);
  const afterMs = duration !== null ? nowMs - duration : dateMs(given);
  if (afterMs === null) {
    throw new HistoryArgumentError(`--since ${given}: not a run number, a duration (24h, 7d) or a date (2026-01-31)`);
  }
  return { cut: { afterMs }, json: { given, run: null, after: isoTime(afterMs) } };
}

// A date or a date and time; without a zone, UTC (as every time unreg writes).
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function dateMs(text: string): number | null {
  if (!DATE.test(text)) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || text.length === 10 ? text : `${text}Z`;
  const ms = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}
