import type { Database } from 'better-sqlite3';

/** 'unrg' in ASCII: PRAGMA application_id, so that `file` and unreg itself can tell the file is ours. */
export const APPLICATION_ID = 0x756e7267;

/**
 * The schema, one migration per version: MIGRATIONS[n - 1] takes a file from
 * version n - 1 to n (PRAGMA user_version). A migration once released is
 * never edited: files of every version must keep upgrading the same way.
 * Times are integer milliseconds since the epoch (UTC).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: runs, phones, one outcome per phone and run, alarms stored once.
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    command TEXT NOT NULL,
    inputs TEXT NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    phones INTEGER NOT NULL DEFAULT 0,
    ok INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX runs_started ON runs (started_at);
  CREATE TABLE phones (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    device_name TEXT,
    host TEXT NOT NULL,
    site TEXT
  );
  CREATE INDEX phones_host ON phones (host);
  CREATE TABLE outcomes (
    run_id INTEGER NOT NULL,
    phone_id INTEGER NOT NULL,
    error_kind TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (run_id, phone_id)
  ) WITHOUT ROWID;
  CREATE INDEX outcomes_phone ON outcomes (phone_id, run_id);
  CREATE TABLE alarms (
    id INTEGER PRIMARY KEY,
    device TEXT NOT NULL,
    stamp TEXT NOT NULL,
    reason INTEGER NOT NULL,
    phone_id INTEGER NOT NULL,
    time_ms INTEGER,
    reason_name TEXT,
    category TEXT,
    first_section TEXT NOT NULL,
    first_run INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_run INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    sent_run INTEGER,
    sent_at INTEGER,
    UNIQUE (device, stamp, reason)
  );
  CREATE INDEX alarms_first_run ON alarms (first_run);
  CREATE INDEX alarms_first_at ON alarms (first_at);
  CREATE INDEX alarms_time ON alarms (time_ms);
  CREATE INDEX alarms_phone ON alarms (phone_id);
  `,
  // 2: imported reports remember what they were (a digest of the report), so
  // that importing the same report again adds nothing.
  `
  ALTER TABLE runs ADD COLUMN source TEXT;
  CREATE UNIQUE INDEX runs_source ON runs (source) WHERE source IS NOT NULL;
  `,
  // 3: the alarm fields incidents group by (switch, port, address with its
  // prefix, gateway, voice VLAN, CUCM node); NULL in alarms recorded before,
  // until a run sees them again (docs/history.md).
  `
  ALTER TABLE alarms ADD COLUMN neighbor_device TEXT;
  ALTER TABLE alarms ADD COLUMN neighbor_port TEXT;
  ALTER TABLE alarms ADD COLUMN ipv4_address TEXT;
  ALTER TABLE alarms ADD COLUMN default_gateway TEXT;
  ALTER TABLE alarms ADD COLUMN voice_vlan TEXT;
  ALTER TABLE alarms ADD COLUMN ucm_address TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file to `target` (default: the current version), each step and
 * its user_version in one transaction taken with BEGIN IMMEDIATE: two
 * processes opening a new file at once migrate it once.
 */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (let version = from + 1; version <= target; version++) {
      db.exec(MIGRATIONS[version - 1] ?? '');
      db.pragma(`user_version = ${version}`);
    }
  }).immediate();
}
