import type { Database } from 'better-sqlite3';

export interface PruneOutcome {
  readonly before: string;
  readonly runs: number;
  readonly outcomes: number;
  readonly alarms: number;
  readonly phones: number;
}

/**
 * `unreg history prune --keep DURATION`: removes the runs that started
 * before the cut, their phones' outcomes, the alarms no remaining run saw
 * (last seen before the cut) and the phones nothing refers to any more,
 * in one transaction. The file does not shrink: freed pages are reused
 * by later runs; VACUUM gives them back to the disk (docs/history.md).
 */
export function pruneHistory(db: Database, beforeMs: number): PruneOutcome {
  return db
    .transaction((): PruneOutcome => {
      const outcomes = db
        .prepare('DELETE FROM outcomes WHERE run_id IN (SELECT id FROM runs WHERE started_at < ?)')
        .run(beforeMs).changes;
      const runs = db.prepare('DELETE FROM runs WHERE started_at < ?').run(beforeMs).changes;
      const alarms = db.prepare('DELETE FROM alarms WHERE last_at < ?').run(beforeMs).changes;
      const phones = db
        .prepare(`
          DELETE FROM phones WHERE NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.phone_id = phones.id)
                               AND NOT EXISTS (SELECT 1 FROM alarms a WHERE a.phone_id = phones.id)`)
        .run().changes;
      return { before: new Date(beforeMs).toISOString(), runs, outcomes, alarms, phones };
    })
    .immediate();
}
