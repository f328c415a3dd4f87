import type { Database } from 'better-sqlite3';
import { isoTime } from '../history-time.js';
import type { HistoryView } from '../history-view.js';

export interface RunRow {
  id: number;
  started_at: number;
  ended_at: number | null;
  command: string;
  complete: number;
  phones: number;
  ok: number;
  failed: number;
  new_alarms: number;
}

/** `unreg history runs`: every run, oldest first, with the alarms it saw first. */
export function runsView(db: Database): HistoryView {
  const rows = db
    .prepare(`
      SELECT r.id, r.started_at, r.ended_at, r.command, r.complete, r.phones, r.ok, r.failed,
             (SELECT count(*) FROM alarms a WHERE a.first_run = r.id) AS new_alarms
      FROM runs r ORDER BY r.started_at, r.id`)
    .all() as RunRow[];
  const runs = rows.map((row) => ({
    id: row.id,
    startedAt: isoTime(row.started_at),
    endedAt: isoTime(row.ended_at),
    command: row.command,
    complete: row.complete === 1,
    phones: row.phones,
    ok: row.ok,
    failed: row.failed,
    newAlarms: row.new_alarms,
  }));
  return {
    json: { runs },
    sections: [
      {
        title: 'Runs',
        columns: ['id', 'started_at', 'ended_at', 'command', 'complete', 'phones', 'ok', 'failed', 'new_alarms'],
        rows: runs.map((run) => [
          run.id,
          run.startedAt,
          run.endedAt,
          run.command,
          run.complete ? 'yes' : 'no',
          run.phones,
          run.ok,
          run.failed,
          run.newAlarms,
        ]),
      },
    ],
    empty: 'No runs recorded.',
  };
}
