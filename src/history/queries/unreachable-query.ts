import type { Database } from 'better-sqlite3';
import { isoTime } from '../history-time.js';
import type { HistoryView } from '../history-view.js';

interface LastRun {
  id: number;
  started_at: number;
}

interface FailingRow {
  phone_id: number;
  device_name: string | null;
  host: string;
  site: string | null;
}

// Runs that read a fleet: a hand `check` of one phone, or a `parse` of
// saved files, says nothing of the others and must not hide them.
const FLEET_COMMANDS = "('sweep', 'import')";

/**
 * `unreg history unreachable [--runs N]`: phones that failed in each of the
 * last N complete sweeps (recorded or imported), with the error kind of
 * each, oldest first, and when each was last read. An interrupted phone
 * (aborted) did not fail. Fewer than N complete sweeps: no answer yet.
 */
export function unreachableView(db: Database, runCount: number): HistoryView {
  const runs = (
    db
      .prepare(
        `SELECT id, started_at FROM runs WHERE complete = 1 AND command IN ${FLEET_COMMANDS}
         ORDER BY started_at DESC, id DESC LIMIT ?`,
      )
      .all(runCount) as LastRun[]
  ).reverse();
  const failing =
    runs.length < runCount
      ? []
      : (db
          .prepare(`
            SELECT o.phone_id, p.device_name, p.host, p.site
            FROM outcomes o JOIN phones p ON p.id = o.phone_id
            WHERE o.run_id IN (${runs.map(() => '?').join(',')})
              AND o.error_kind IS NOT NULL AND o.error_kind <> 'aborted'
            GROUP BY o.phone_id HAVING count(*) = ?
            ORDER BY p.host`)
          .all(...runs.map((run) => run.id), runCount) as FailingRow[]);
  const kindIn = db.prepare('SELECT error_kind FROM outcomes WHERE run_id = ? AND phone_id = ?').pluck();
  // A phone that fails has no alarm to name it: it is recorded under its
  // host. The nights it was read, its alarms named it: the same host's
  // device name, and its last good read under either name.
  const nameAt = db
    .prepare('SELECT device_name FROM phones WHERE host = ? AND device_name IS NOT NULL ORDER BY id DESC LIMIT 1')
    .pluck();
  const lastOk = db
    .prepare(`
      SELECT max(r.started_at) FROM outcomes o JOIN runs r ON r.id = o.run_id
      WHERE o.phone_id IN (SELECT id FROM phones WHERE host = :host OR identity = :name) AND o.error_kind IS NULL`)
    .pluck();
  const phones = failing.map((row) => {
    const deviceName = row.device_name ?? (nameAt.get(row.host) as string | undefined) ?? null;
    return {
      deviceName,
      host: row.host,
      site: row.site,
      errorKinds: runs.map((run) => kindIn.get(run.id, row.phone_id) as string),
      lastOk: isoTime((lastOk.get({ host: row.host, name: deviceName }) as number | null) ?? null),
    };
  });
  return {
    json: { runs: runs.map((run) => ({ id: run.id, startedAt: isoTime(run.started_at) })), phones },
    sections: [
      {
        title: `Phones that failed in each of the last ${runCount} complete sweeps (runs ${runs.map((run) => run.id).join(', ')})`,
        columns: ['device_name', 'host', 'site', 'error_kinds', 'last_ok'],
        rows: phones.map((phone) => [
          phone.deviceName,
          phone.host,
          phone.site,
          phone.errorKinds.join(' '),
          phone.lastOk,
        ]),
      },
    ],
    empty:
      runs.length < runCount
        ? `Fewer than ${runCount} complete sweeps recorded (${runs.length}).`
        : `No phone failed in each of the last ${runCount} complete sweeps.`,
  };
}
