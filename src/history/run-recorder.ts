import type { Database, Statement } from 'better-sqlite3';
import type { PhoneEntry, ReportAlarm } from '../report/report-document.js';
import { guarded } from './history-store.js';
import { phoneIdentity } from './phone-identity.js';

/** What a run was: the command and what it read (inventory, hosts, files). */
export interface RunDescription {
  readonly command: string;
  readonly inputs: readonly string[];
  readonly startedAt: number;
  /** An imported report's digest (see report-import.ts). */
  readonly source?: string;
}

// Phones are written in batches, each one transaction: a commit per phone
// would rewrite the same pages thousands of times. A sweep's phones trickle
// in, so a batch is also written after a second, whatever its size.
const BATCH_PHONES = 500;
const BATCH_MS = 1000;

/**
 * Records one run as phones come: the run's row first (incomplete), then
 * batches of phones, then, in the same transaction as the last batch, its
 * end and `complete`. A process killed at any moment leaves the run absent
 * or incomplete, never complete with phones missing. Writes take the lock
 * with BEGIN IMMEDIATE, so another recorder waits its turn (busy timeout)
 * instead of failing on a lock upgrade.
 */
export class RunRecorder {
  readonly runId: number;
  readonly #db: Database;
  readonly #path: string;
  readonly #startedAt: number;
  readonly #statements: RecorderStatements;
  #pending: PhoneEntry[] = [];
  #lastWrite = Date.now();

  constructor(db: Database, path: string, run: RunDescription) {
    this.#db = db;
    this.#path = path;
    this.#startedAt = run.startedAt;
    this.#statements = prepare(db);
    this.runId = guarded(path, () =>
      Number(
        db
          .prepare('INSERT INTO runs (started_at, command, inputs, source) VALUES (?, ?, ?, ?)')
          .run(run.startedAt, run.command, JSON.stringify(run.inputs), run.source ?? null).lastInsertRowid,
      ),
    );
  }

  /** Takes one phone's entry; writes a batch when it is full or a second old. */
  phone(entry: PhoneEntry): void {
    this.#pending.push(entry);
    if (this.#pending.length >= BATCH_PHONES || Date.now() - this.#lastWrite >= BATCH_MS) this.#write(null);
  }

  /** Writes what is left and marks the run ended: complete, or not (interrupted). */
  end(complete: boolean, endedAt = Date.now()): void {
    this.#write({ complete, endedAt });
  }

  #write(end: { complete: boolean; endedAt: number } | null): void {
    const batch = this.#pending;
    this.#pending = [];
    this.#lastWrite = Date.now();
    guarded(this.#path, () =>
      this.#db
        .transaction(() => {
          const counts = { phones: 0, ok: 0, failed: 0 };
          for (const entry of batch) {
            this.#writePhone(entry);
            counts.phones += 1;
            counts[entry.status] += 1;
          }
          const s = this.#statements;
          if (batch.length > 0) s.count.run(counts.phones, counts.ok, counts.failed, this.runId);
          if (end !== null) s.end.run(end.endedAt, end.complete ? 1 : 0, this.runId);
        })
        .immediate(),
    );
  }

  #writePhone(entry: PhoneEntry): void {
    const s = this.#statements;
    const { identity, deviceName } = phoneIdentity(entry);
    const phoneId = s.phone.pluck().get(identity, deviceName, entry.host, entry.site) as number;
    s.outcome.run(this.runId, phoneId, entry.error?.kind ?? null, Math.round(entry.durationMs));
    for (const alarm of entry.alarms) this.#writeAlarm(alarm, identity, phoneId);
  }

  #writeAlarm(alarm: ReportAlarm, identity: string, phoneId: number): void {
    const timeMs = alarm.timestamp === null ? null : Date.parse(alarm.timestamp);
    const sent = alarm.section === 'sent';
    this.#statements.alarm.run({
      device: alarm.deviceName ?? identity,
      stamp: alarm.timestamp ?? '',
      reason: alarm.reasonCode ?? -1,
      phone: phoneId,
      time: Number.isNaN(timeMs) ? null : timeMs,
      name: alarm.reasonName,
      category: alarm.category,
      section: alarm.section,
      run: this.runId,
      at: this.#startedAt,
      sentRun: sent ? this.runId : null,
      sentAt: sent ? this.#startedAt : null,
      ...scopeColumns(alarm.params),
    });
  }
}

/** The alarm parameters incidents group by, as recorded (columns of schema 3); null when absent. */
function scopeColumns(params: ReportAlarm['params']) {
  const value = (name: string) => params[name] ?? null;
  return {
    neighborDevice: value('NeighborDeviceID'),
    neighborPort: value('NeighborPortID'),
    ipv4Address: value('DeviceIPv4Address'),
    defaultGateway: value('IPv4DefaultGateway'),
    voiceVlan: value('VoiceVLAN'),
    ucmAddress: value('UnifiedCMIPAddress'),
  };
}

interface RecorderStatements {
  readonly phone: Statement;
  readonly outcome: Statement;
  readonly alarm: Statement;
  readonly count: Statement;
  readonly end: Statement;
}

function prepare(db: Database): RecorderStatements {
  return {
    phone: db.prepare(`
      INSERT INTO phones (identity, device_name, host, site) VALUES (?, ?, ?, ?)
      ON CONFLICT (identity) DO UPDATE SET
        device_name = coalesce(excluded.device_name, device_name),
        host = excluded.host,
        site = coalesce(excluded.site, site)
      RETURNING id`),
    outcome: db.prepare(
      'INSERT OR REPLACE INTO outcomes (run_id, phone_id, error_kind, duration_ms) VALUES (?, ?, ?, ?)',
    ),
    // An alarm seen again keeps the earliest sighting as its first and the
    // latest as its last, by run start (imports may come in any order), and
    // the earliest sighting in the sent section as when it went out. An alarm
    // recorded before schema 3 gains its scope fields when seen again.
    // SET expressions all read the row as it was before the update.
    alarm: db.prepare(`
      INSERT INTO alarms (device, stamp, reason, phone_id, time_ms, reason_name, category, first_section,
                          first_run, first_at, last_run, last_at, sent_run, sent_at,
                          neighbor_device, neighbor_port, ipv4_address, default_gateway, voice_vlan, ucm_address)
      VALUES (:device, :stamp, :reason, :phone, :time, :name, :category, :section,
              :run, :at, :run, :at, :sentRun, :sentAt,
              :neighborDevice, :neighborPort, :ipv4Address, :defaultGateway, :voiceVlan, :ucmAddress)
      ON CONFLICT (device, stamp, reason) DO UPDATE SET
        neighbor_device = coalesce(excluded.neighbor_device, neighbor_device),
        neighbor_port = coalesce(excluded.neighbor_port, neighbor_port),
        ipv4_address = coalesce(excluded.ipv4_address, ipv4_address),
        default_gateway = coalesce(excluded.default_gateway, default_gateway),
        voice_vlan = coalesce(excluded.voice_vlan, voice_vlan),
        ucm_address = coalesce(excluded.ucm_address, ucm_address),
        phone_id = CASE WHEN excluded.last_at >= last_at THEN excluded.phone_id ELSE phone_id END,
        reason_name = coalesce(excluded.reason_name, reason_name),
        category = coalesce(excluded.category, category),
        first_section = CASE WHEN excluded.first_at < first_at THEN excluded.first_section ELSE first_section END,
        first_run = CASE WHEN excluded.first_at < first_at THEN excluded.first_run ELSE first_run END,
        first_at = min(first_at, excluded.first_at),
        last_run = CASE WHEN excluded.last_at >= last_at THEN excluded.last_run ELSE last_run END,
        last_at = max(last_at, excluded.last_at),
        sent_run = CASE WHEN excluded.sent_at IS NOT NULL AND (sent_at IS NULL OR excluded.sent_at < sent_at)
                        THEN excluded.sent_run ELSE sent_run END,
        sent_at = CASE WHEN excluded.sent_at IS NOT NULL AND (sent_at IS NULL OR excluded.sent_at < sent_at)
                       THEN excluded.sent_at ELSE sent_at END`),
    count: db.prepare('UPDATE runs SET phones = phones + ?, ok = ok + ?, failed = failed + ? WHERE id = ?'),
    end: db.prepare('UPDATE runs SET ended_at = ?, complete = ? WHERE id = ?'),
  };
}
