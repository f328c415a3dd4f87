import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { PhoneEntry } from '../report/report-document.js';
import { HistoryArgumentError } from './history-error.js';
import { RunRecorder } from './run-recorder.js';

/** A saved report read back: its phones, its time, and what identifies it. */
export interface SavedReport {
  readonly file: string;
  readonly generatedAt: number;
  readonly entries: readonly PhoneEntry[];
  /** sha256 of its phones: the same report saved twice (or as JSON and NDJSON) is one. */
  readonly source: string;
}

/**
 * Reads a report unreg wrote: the JSON document (its `generatedAt` is the
 * run's time) or NDJSON, one phone a line (no time inside: the file's
 * modification time). Anything else throws a HistoryArgumentError naming
 * the file (and line).
 */
export async function readSavedReport(file: string): Promise<SavedReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new HistoryArgumentError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const document = wholeDocument(text);
  if (document !== null) {
    const generatedAt = Date.parse(String(document.generatedAt));
    if (Number.isNaN(generatedAt)) throw new HistoryArgumentError(`${file}: generatedAt is not a time`);
    const phones = document.phones as unknown[];
    return saved(
      file,
      generatedAt,
      phones.map((phone, index) => entryOf(phone, `${file}: phones[${index}]`)),
    );
  }
  const entries = text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new HistoryArgumentError(`${file}:${index + 1}: not an unreg JSON or NDJSON report`);
    }
    return [entryOf(value, `${file}:${index + 1}`)];
  });
  if (entries.length === 0) throw new HistoryArgumentError(`${file}: no phones in it`);
  return saved(file, (await stat(file)).mtimeMs, entries);
}

function wholeDocument(text: string): Record<string, unknown> | null {
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return value !== null && value.tool === 'unreg' && Array.isArray(value.phones) ? value : null;
  } catch {
    return null;
  }
}

function saved(file: string, generatedAt: number, entries: PhoneEntry[]): SavedReport {
  const source = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  return { file, generatedAt: Math.round(generatedAt), entries, source: `sha256:${source}` };
}

const SECTIONS: ReadonlySet<unknown> = new Set(['sent', 'unsent']);

/** A phone entry of a saved report, checked for what the history keeps. */
function entryOf(value: unknown, where: string): PhoneEntry {
  const entry = value as Partial<PhoneEntry> | null;
  const fail = (what: string) => new HistoryArgumentError(`${where}: ${what}`);
  if (typeof entry !== 'object' || entry === null) throw fail('not a phone entry');
  if (typeof entry.host !== 'string') throw fail('host is not text');
  if (entry.status !== 'ok' && entry.status !== 'failed') throw fail('status is neither ok nor failed');
  if (entry.status === 'failed' && typeof entry.error?.kind !== 'string')
    throw fail('a failed phone has no error.kind');
  if (!Array.isArray(entry.alarms)) throw fail('alarms is not a list');
  for (const alarm of entry.alarms) {
    if (!SECTIONS.has(alarm?.section)) throw fail('an alarm has no section');
    if (alarm.reasonCode !== null && !Number.isInteger(alarm.reasonCode))
      throw fail('an alarm reasonCode is not a number');
    if (alarm.timestamp !== null && typeof alarm.timestamp !== 'string') throw fail('an alarm timestamp is not text');
  }
  return { ...entry, durationMs: Number(entry.durationMs) || 0, site: entry.site ?? null } as PhoneEntry;
}

export interface ImportOutcome {
  readonly file: string;
  /** The run it became, or the run that already holds it. */
  readonly run: number;
  readonly phones: number;
  readonly imported: boolean;
}

/**
 * Adds a saved report as a complete run, in one transaction: a report
 * already imported (same phones) adds nothing, and an import cut short
 * leaves nothing behind.
 */
export function importReport(db: Database, path: string, report: SavedReport): ImportOutcome {
  const existing = db.prepare('SELECT id FROM runs WHERE source = ?').pluck();
  return db
    .transaction((): ImportOutcome => {
      const already = existing.get(report.source) as number | undefined;
      if (already !== undefined) {
        return { file: report.file, run: already, phones: report.entries.length, imported: false };
      }
      const recorder = new RunRecorder(db, path, {
        command: 'import',
        inputs: [report.file],
        startedAt: report.generatedAt,
        source: report.source,
      });
      for (const entry of report.entries) recorder.phone(entry);
      recorder.end(true, report.generatedAt);
      return { file: report.file, run: recorder.runId, phones: report.entries.length, imported: true };
    })
    .immediate();
}
