import type { Database } from 'better-sqlite3';
import { resolveSince } from '../history-since.js';
import type { HistoryView } from '../history-view.js';
import { ALARM_COLUMNS, type AlarmRow, alarmDeviceName, alarmFields } from './alarm-row.js';

/**
 * `unreg history new [--since RUN|DURATION|DATE]`: alarms first seen after
 * the cut, by default those first seen by the latest complete run; in
 * unregistration time order.
 */
export function newAlarmsView(db: Database, since: string | undefined, nowMs: number): HistoryView {
  const { cut, json: sinceJson } = resolveSince(db, since, nowMs);
  const order = 'ORDER BY a.time_ms IS NULL, a.time_ms, a.device, a.reason';
  let rows: AlarmRow[] = [];
  if (cut !== null && 'run' in cut) {
    rows = db
      .prepare(
        `SELECT ${ALARM_COLUMNS} FROM alarms a JOIN phones p ON p.id = a.phone_id WHERE a.first_run = ? ${order}`,
      )
      .all(cut.run) as AlarmRow[];
  } else if (cut !== null) {
    rows = db
      .prepare(`SELECT ${ALARM_COLUMNS} FROM alarms a JOIN phones p ON p.id = a.phone_id WHERE a.first_at > ? ${order}`)
      .all(cut.afterMs) as AlarmRow[];
  }
  const alarms = rows.map((row) => ({
    deviceName: alarmDeviceName(row),
    host: row.host,
    site: row.site,
    ...alarmFields(row),
  }));
  return {
    json: { since: sinceJson, alarms },
    sections: [
      {
        title: 'New alarms',
        columns: [
          'device_name',
          'host',
          'site',
          'reason_code',
          'reason_name',
          'category',
          'timestamp',
          'section',
          'first_seen_run',
        ],
        rows: alarms.map((alarm) => [
          alarm.deviceName,
          alarm.host,
          alarm.site,
          alarm.reasonCode,
          alarm.reasonName,
          alarm.category,
          alarm.timestamp,
          alarm.section,
          alarm.firstSeenRun,
        ]),
      },
    ],
    empty: sinceJson.run === null && sinceJson.given === null ? 'No complete run recorded yet.' : 'No new alarms.',
  };
}
