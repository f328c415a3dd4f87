import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { RunRow } from '../../src/history/queries/runs-query.js';
import { generateAlarms, generatePhone, seededRandom } from '../../src/simulator/alarm-generator.js';
import { formatShowUnreg } from '../../src/simulator/show-unreg-text.js';
import { scratchFolder } from './temp-dir.js';

/** A scratch folder for history files; `close` removes it. */
export async function historyFolder(): Promise<{ folder: string; file: string; close(): Promise<void> }> {
  const { path: folder, remove } = await scratchFolder('unreg-history-');
  return { folder, file: join(folder, 'history.sqlite'), close: remove };
}

/**
 * `count` saved `show unreg` transcripts, one distinct phone each (1 to 3
 * alarms), as `unreg parse` reads them: a run of `count` phones without SSH.
 */
export async function writeTranscripts(folder: string, count: number, seed = 7): Promise<string[]> {
  const random = seededRandom(seed);
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const phone = generatePhone(index, random);
    const file = join(folder, `phone-${index}.txt`);
    await writeFile(file, formatShowUnreg(generateAlarms(phone, 1 + (index % 3), random)));
    files.push(file);
  }
  return files;
}

/** The file opened read-only, as a person with the sqlite3 shell would look at it. */
export function readHistory(file: string): Database {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
}

export function runRows(db: Database): RunRow[] {
  return db.prepare('SELECT * FROM runs ORDER BY id').all() as RunRow[];
}

export function outcomeCount(db: Database, runId: number): number {
  return db.prepare('SELECT count(*) FROM outcomes WHERE run_id = ?').pluck().get(runId) as number;
}
