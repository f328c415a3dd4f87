import type { Database } from 'better-sqlite3';
import { type AlarmRecord, alarmRecord } from '../../incidents/alarm-record.js';
import { resolveSince } from '../history-since.js';

/** What `unreg incidents --history` groups: each stored alarm once, and the phones of each site. */
export interface HistoryIncidentInput {
  readonly records: AlarmRecord[];
  /** Phones known to the history per site (phones without alarms included), for "40 of its 42 phones". */
  readonly sitePhones: Map<string, number>;
  readonly phones: number;
}

interface IncidentAlarmRow {
  device: string;
  time_ms: number;
  reason: number;
  reason_name: string | null;
  site: string | null;
  neighbor_device: string | null;
  neighbor_port: string | null;
  ipv4_address: string | null;
  default_gateway: string | null;
  voice_vlan: string | null;
  ucm_address: string | null;
}

const COLUMNS = `a.device, a.time_ms, a.reason, a.reason_name, p.site, a.neighbor_device, a.neighbor_port,
  a.ipv4_address, a.default_gateway, a.voice_vlan, a.ucm_address`;

/**
 * The alarms of the history as incidents need them, each stored once however
 * many runs saw it; with `since` (RUN|DURATION|DATE, as `history new` reads
 * it) only those first seen after it. An alarm without a time is left out, as
 * in a report. Alarms recorded before schema 3 have no scope fields: they
 * group by site only.
 */
export function historyIncidentInput(db: Database, since: string | undefined, nowMs: number): HistoryIncidentInput {
  const cut = since === undefined ? null : resolveSince(db, since, nowMs).cut;
  const where = cut === null ? '' : 'run' in cut ? 'AND a.first_run = ?' : 'AND a.first_at > ?';
  const parameters = cut === null ? [] : ['run' in cut ? cut.run : cut.afterMs];
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM alarms a JOIN phones p ON p.id = a.phone_id
       WHERE a.time_ms IS NOT NULL ${where} ORDER BY a.time_ms, a.device`,
    )
    .all(...parameters) as IncidentAlarmRow[];
  const records = rows.map((row) => alarmRecord(recordFields(row), row.site));
  const sites = db
    .prepare('SELECT site, count(*) AS phones FROM phones WHERE site IS NOT NULL GROUP BY site')
    .all() as { site: string; phones: number }[];
  const phones = db.prepare('SELECT count(*) FROM phones').pluck().get() as number;
  return {
    records,
    sitePhones: new Map(sites.map(({ site, phones }) => [site, phones])),
    phones,
  };
}

function recordFields(row: IncidentAlarmRow) {
  const params: Record<string, string> = {};
  const stored = {
    NeighborDeviceID: row.neighbor_device,
    NeighborPortID: row.neighbor_port,
    DeviceIPv4Address: row.ipv4_address,
    IPv4DefaultGateway: row.default_gateway,
    VoiceVLAN: row.voice_vlan,
    UnifiedCMIPAddress: row.ucm_address,
  };
  for (const [name, value] of Object.entries(stored)) if (value !== null) params[name] = value;
  return {
    device: row.device,
    time: row.time_ms,
    reasonCode: row.reason === -1 ? null : row.reason,
    reasonName: row.reason_name,
    params,
  };
}
