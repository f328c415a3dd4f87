import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { MalformedLine, SyslogReadSummary } from '../report/syslog-event.js';
import { parseEventLine } from './event-line.js';
import { SyslogEventStore } from './event-store.js';
import type { HeaderClock } from './header-time.js';
import { LineScanner, MAX_LINE_BYTES } from './line-scanner.js';
import { MessageParts } from './message-parts.js';

const CHUNK_BYTES = 1 << 20;

/**
 * Malformed lines kept to report, in input order; the rest are only counted.
 * A file of some other format that names the alarms would otherwise hold
 * every one of its lines in memory.
 */
export const MALFORMED_KEPT = 1000;

/** A syslog input ready to read: a file already opened (so it is known readable), or a stream. */
export interface SyslogInput {
  /** As named in the report: the path given, or `-`. */
  readonly name: string;
  readonly source: { readonly handle: FileHandle } | { readonly stream: Readable };
  /** See HeaderClock.referenceMs: the file's modification time, or when reading began. */
  readonly referenceMs: number;
}

/** The events read from every input, in input order (the caller closes the store), and how the reading went. */
export interface SyslogReading {
  readonly store: SyslogEventStore;
  readonly read: SyslogReadSummary;
}

export interface ReadOptions {
  /** `--year`: the year of dates that carry none. */
  readonly year?: number;
}

/** An input that cannot be read; the message names it. */
export class SyslogInputError extends Error {
  override readonly name = 'SyslogInputError';
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/**
 * Opens a file for reading, or says in one line why it cannot be read. A
 * gzip file (rotated syslog, `cucm.log.2.gz`) is read through gunzip,
 * whatever its name.
 */
export async function openSyslogFile(path: string): Promise<SyslogInput> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const start = Buffer.alloc(2);
    // A read at a given position leaves the file position at 0 for the reads to come.
    const { bytesRead } = stats.isFile() ? await handle.read(start, 0, 2, 0) : { bytesRead: 0 };
    if (bytesRead === 2 && start.equals(GZIP_MAGIC)) {
      // The read stream closes the handle when it ends or fails.
      const stream = pipeline(handle.createReadStream(), createGunzip(), () => undefined);
      return { name: path, source: { stream }, referenceMs: stats.mtimeMs };
    }
    return { name: path, source: { handle }, referenceMs: stats.mtimeMs };
  } catch (error) {
    await handle?.close();
    throw new SyslogInputError(`cannot read ${path}: ${describe(error)}`);
  }
}

export function stdinSyslogInput(stream: Readable, now = Date.now()): SyslogInput {
  return { name: '-', source: { stream }, referenceMs: now };
}

/**
 * Reads every input in turn, streaming: memory holds one chunk, one line and
 * a few numbers per event found (the events go to a SyslogEventStore), never
 * the file. Closes the files it was given.
 */
export async function readSyslogInputs(
  inputs: readonly SyslogInput[],
  options: ReadOptions = {},
): Promise<SyslogReading> {
  const store = new SyslogEventStore();
  const malformed: MalformedLine[] = [];
  let malformedTotal = 0;
  const addMalformed = (entry: MalformedLine) => {
    malformedTotal += 1;
    if (malformed.length < MALFORMED_KEPT) malformed.push(entry);
  };
  let lines = 0;
  try {
    for (const input of inputs) {
      const clock: HeaderClock = { referenceMs: input.referenceMs, year: options.year };
      const file = input.name;
      const parts = new MessageParts(({ line, message }) => addMalformed({ file, line, message }));
      const scanner = new LineScanner({
        candidate(text, line) {
          const whole = parts.add(text, line);
          if (whole === null) return;
          const result = 'malformed' in whole ? whole : parseEventLine(whole.text, { file, line: whole.line, clock });
          if (result === null) return;
          if ('event' in result) store.add(result.event);
          else addMalformed({ file, line: 'line' in whole ? whole.line : line, message: result.malformed });
        },
        overlong(line) {
          addMalformed({ file, line, message: `line longer than ${MAX_LINE_BYTES} bytes: not read` });
        },
      });
      await feed(input, scanner);
      parts.end();
      lines += scanner.lines;
    }
  } catch (error) {
    store.close();
    throw error;
  } finally {
    await closeSyslogInputs(inputs);
  }
  const events = store.size;
  return { store, read: { lines, events, skipped: lines - events - malformedTotal, malformedTotal, malformed } };
}

/** Lets go of inputs (read or not): closes the files; gunzip streams close theirs when destroyed. */
export async function closeSyslogInputs(inputs: readonly SyslogInput[]): Promise<void> {
  await Promise.all(
    inputs.map((input) => {
      if ('handle' in input.source) return input.source.handle.close();
      if (input.name !== '-') input.source.stream.destroy();
      return undefined;
    }),
  );
}

async function feed(input: SyslogInput, scanner: LineScanner): Promise<void> {
  try {
    if ('stream' in input.source) {
      for await (const chunk of input.source.stream) scanner.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    } else {
      // One buffer, reused: the scanner copies what it keeps.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await input.source.handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        scanner.push(buffer.subarray(0, bytesRead));
      }
    }
  } catch (error) {
    throw new SyslogInputError(`cannot read ${input.name}: ${describe(error)}`);
  }
  scanner.end();
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a folder, not a file',
};

function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return REASONS[code ?? ''] ?? message;
}
