import type { Database } from 'better-sqlite3';
import { isoTime } from '../history-time.js';
import type { HistoryView } from '../history-view.js';

export interface FlappingOptions {
  /** As given (`7d`), and in ms. */
  readonly window: string;
  readonly windowMs: number;
  readonly min: number;
  readonly nowMs: number;
}

interface FlappingRow {
  device: string;
  unregistrations: number;
  first: number;
  last: number;
  device_name: string | null;
  host: string;
  site: string | null;
}

interface ReasonRow {
  reason: number;
  name: string | null;
  count: number;
}

/**
 * `unreg history flapping`: phones with at least `min` distinct
 * unregistrations (distinct alarm TimeStamps) in the window ending now,
 * most first. Counted from the alarms stored, each once however many runs
 * saw it.
 */
export function flappingView(db: Database, options: FlappingOptions): HistoryView {
  const from = options.nowMs - options.windowMs;
  const rows = db
    .prepare(`
      SELECT f.device, f.unregistrations, f.first, f.last, p.device_name, p.host, p.site
      FROM (
        SELECT device, count(DISTINCT stamp) AS unregistrations, min(time_ms) AS first, max(time_ms) AS last,
               max(phone_id) AS phone_id
        FROM alarms WHERE time_ms BETWEEN ? AND ?
        GROUP BY device HAVING count(DISTINCT stamp) >= ?
      ) f JOIN phones p ON p.id = f.phone_id
      ORDER BY f.unregistrations DESC, f.device`)
    .all(from, options.nowMs, options.min) as FlappingRow[];
  const reasonsOf = db.prepare(`
    SELECT reason, max(reason_name) AS name, count(DISTINCT stamp) AS count
    FROM alarms WHERE device = ? AND time_ms BETWEEN ? AND ?
    GROUP BY reason ORDER BY count DESC, reason`);
  const phones = rows.map((row) => ({
    deviceName: row.device,
    host: row.host,
    site: row.site,
    unregistrations: row.unregistrations,
    first: isoTime(row.first),
    last: isoTime(row.last),
    reasons: (reasonsOf.all(row.device, from, options.nowMs) as ReasonRow[]).map((reason) => ({
      code: reason.reason === -1 ? null : reason.reason,
      name: reason.name,
      count: reason.count,
    })),
  }));
  return {
    json: { window: options.window, min: options.min, phones },
    sections: [
      {
        title: `Phones with ${options.min} or more unregistrations in the last ${options.window}`,
        columns: ['device_name', 'host', 'site', 'unregistrations', 'first', 'last', 'reasons'],
        rows: phones.map((phone) => [
          phone.deviceName,
          phone.host,
          phone.site,
          phone.unregistrations,
          phone.first,
          phone.last,
          phone.reasons.map((reason) => `${reason.code ?? '?'} ${reason.name ?? ''} x${reason.count}`).join('; '),
        ]),
      },
    ],
    empty: `No phone with ${options.min} or more unregistrations in the last ${options.window}.`,
  };
}
