import { existsSync, rmSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { HistoryFileError } from './history-error.js';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './history-schema.js';

// Two cron jobs that overlap wait for each other's short transactions; a
// long import holds the write lock for a while: half a minute is ample.
const BUSY_TIMEOUT_MS = 30_000;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenHistoryOptions {
  /** Make the file (and its folder) when missing: recording does, queries do not. */
  readonly create: boolean;
}

/**
 * Opens the history file read-write, in WAL mode, migrated to the current
 * schema. Before anything is written, the file is checked without changing
 * it: a file that is not SQLite, another program's database, one made by a
 * newer unreg, or a damaged one is refused with a HistoryFileError.
 * better-sqlite3 (a native module) is loaded here, on first use only.
 */
export async function openHistory(path: string, options: OpenHistoryOptions): Promise<Database> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const exists = await checkFileStart(path);
  if (!exists) {
    if (!options.create) throw new HistoryFileError(`${path}: no history yet (record a run with --history first)`);
    await mkdir(dirname(path), { recursive: true }).catch((error: Error) => {
      throw new HistoryFileError(`${path}: cannot make its folder: ${error.message}`);
    });
  } else {
    // A read-only look at a WAL file makes empty -wal and -shm files: those
    // are removed again when the file is refused, leaving it as it was.
    const sideFiles = [`${path}-wal`, `${path}-shm`].filter((side) => !existsSync(side));
    try {
      guarded(path, () => {
        const reader = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
        try {
          checkIdentity(path, reader);
        } finally {
          reader.close();
        }
      });
    } catch (error) {
      for (const side of sideFiles) rmSync(side, { force: true });
      throw error;
    }
  }
  return guarded(path, () => {
    const db = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed run to a crash of unreg, only
      // (at worst) the last transactions to a power cut; never the file.
      db.pragma('synchronous = NORMAL');
      migrate(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  });
}

/** False when there is no file; refuses a file that is not an SQLite database (an empty file is a new one). */
async function checkFileStart(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new HistoryFileError(`${path}: cannot read: ${(error as Error).message}`);
  }
  try {
    const start = Buffer.alloc(SQLITE_MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    if (bytesRead > 0 && start.toString('latin1', 0, bytesRead) !== SQLITE_MAGIC) {
      throw new HistoryFileError(`${path}: not an unreg history file (not an SQLite database)`);
    }
    return true;
  } catch (error) {
    if (error instanceof HistoryFileError) throw error;
    throw new HistoryFileError(`${path}: cannot read: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** Ours, or an empty database: anything else is left alone. */
function checkIdentity(path: string, db: Database): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
    if (objects > 0 || version !== 0) {
      throw new HistoryFileError(`${path}: not an unreg history file (another program's SQLite database)`);
    }
    return;
  }
  if (version > SCHEMA_VERSION) {
    throw new HistoryFileError(
      `${path}: made by a newer unreg (history schema ${version}; this unreg knows up to ${SCHEMA_VERSION})`,
    );
  }
}

/** Runs `work`, turning SQLite's complaints about the file itself into one line naming it. */
export function guarded<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw historyFileError(path, error);
  }
}

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

/** A HistoryFileError for SQLite's errors about the file; other errors as they are. */
export function historyFileError(path: string, error: unknown): unknown {
  if (error instanceof HistoryFileError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  const message = (error as Error).message;
  if (DAMAGED.has(code)) return new HistoryFileError(`${path}: damaged or not an unreg history file (${message})`);
  return new HistoryFileError(`${path}: ${message}`);
}
