import type { Database } from 'better-sqlite3';
import { HistoryArgumentError } from '../history-error.js';
import { isoTime } from '../history-time.js';
import type { HistoryView } from '../history-view.js';
import { ALARM_COLUMNS, type AlarmRow, alarmFields } from './alarm-row.js';

interface PhoneRow {
  id: number;
  device_name: string | null;
  host: string;
  site: string | null;
}

interface OutcomeRow {
  run_id: number;
  started_at: number;
  command: string;
  complete: number;
  error_kind: string | null;
  duration_ms: number;
}

/**
 * `unreg history phone NAME|HOST`: each run's outcome for the phone and each
 * of its alarms with when it was first and last seen (and went out to
 * CUCM). A phone known by its device name on some nights and by its host on
 * others (no alarm to name it) is both: every record matching either is
 * taken.
 */
export function phoneTimelineView(db: Database, phone: string): HistoryView {
  const matches = db
    .prepare(`
      SELECT id, device_name, host, site FROM phones
      WHERE identity = :phone OR device_name = :phone OR host = :phone
         OR host IN (SELECT host FROM phones WHERE device_name = :phone)
      ORDER BY device_name IS NULL, id`)
    .all({ phone }) as PhoneRow[];
  const [main] = matches;
  if (main === undefined) throw new HistoryArgumentError(`no phone ${phone} in the history`);
  const ids = matches.map((match) => match.id);
  const marks = ids.map(() => '?').join(',');
  const outcomes = db
    .prepare(`
      SELECT o.run_id, r.started_at, r.command, r.complete, o.error_kind, o.duration_ms
      FROM outcomes o JOIN runs r ON r.id = o.run_id
      WHERE o.phone_id IN (${marks}) ORDER BY r.started_at, r.id`)
    .all(...ids) as OutcomeRow[];
  const alarmRows = db
    .prepare(`
      SELECT ${ALARM_COLUMNS} FROM alarms a JOIN phones p ON p.id = a.phone_id
      WHERE a.phone_id IN (${marks}) ORDER BY a.time_ms IS NULL, a.time_ms, a.reason`)
    .all(...ids) as AlarmRow[];
  const runs = outcomes.map((row) => ({
    run: row.run_id,
    startedAt: isoTime(row.started_at),
    command: row.command,
    complete: row.complete === 1,
    status: row.error_kind === null ? 'ok' : 'failed',
    errorKind: row.error_kind,
    durationMs: row.duration_ms,
  }));
  const alarms = alarmRows.map((row) => ({
    ...alarmFields(row),
    firstSeenAt: isoTime(row.first_at),
    lastSeenRun: row.last_run,
    lastSeenAt: isoTime(row.last_at),
    // When it went from unsent to sent: the first run that saw it sent, if an earlier one saw it unsent.
    sentSeenAt: row.first_section === 'unsent' ? isoTime(row.sent_at) : null,
  }));
  const named = matches.find((match) => match.device_name !== null);
  return {
    json: { phone: { deviceName: named?.device_name ?? null, host: main.host, site: main.site }, runs, alarms },
    sections: [
      {
        title: `Runs of ${named?.device_name ?? main.host}`,
        columns: ['run', 'started_at', 'command', 'status', 'error_kind', 'duration_ms'],
        rows: runs.map((run) => [run.run, run.startedAt, run.command, run.status, run.errorKind, run.durationMs]),
      },
      {
        title: `Alarms of ${named?.device_name ?? main.host}`,
        columns: [
          'timestamp',
          'reason_code',
          'reason_name',
          'section',
          'first_seen_run',
          'first_seen_at',
          'last_seen_run',
          'last_seen_at',
          'sent_seen_at',
        ],
        rows: alarms.map((alarm) => [
          alarm.timestamp,
          alarm.reasonCode,
          alarm.reasonName,
          alarm.section,
          alarm.firstSeenRun,
          alarm.firstSeenAt,
          alarm.lastSeenRun,
          alarm.lastSeenAt,
          alarm.sentSeenAt,
        ]),
      },
    ],
    empty: `No runs of ${phone}.`,
  };
}
