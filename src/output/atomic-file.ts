import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputFileError } from './output-file-error.js';

/** A file being written: written piece by piece, then kept or thrown away. */
export interface AtomicFile {
  write(text: string): Promise<void>;
  /** The text is complete: make it visible. */
  commit(): Promise<void>;
  /** The text is not complete: leave nothing half-written behind. */
  abort(): Promise<void>;
}

export { OutputFileError };

/**
 * A file written whole or not at all (a report, known_hosts): the text goes to a temporary file in
 * the same folder (so the rename cannot cross file systems), is flushed to
 * disk, then renamed over the target. An earlier file stays untouched until
 * the rename, and stays untouched for good if anything fails before it. A
 * process that exits before commit or abort (a second Ctrl-C exits at once)
 * removes the temporary file on its way out (main.ts turns a signal into such an exit).
 */
export async function openAtomicFile(requested: string): Promise<AtomicFile> {
  // A symbolic link stays one: the file it points to is what gets replaced.
  const path = await realpath(requested).catch(() => requested);
  const existing = await stat(path).catch(() => null);
  // Found now, not after a whole sweep, when the rename would fail.
  if (existing !== null && !existing.isFile()) throw new Error(`${requested} exists and is not a file`);
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  // A replaced file keeps its permissions (a 0600 known_hosts stays 0600).
  if (existing !== null) await handle.chmod(existing.mode & 0o7777);
  const removeOnExit = () => {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone: nothing to clean.
    }
  };
  process.once('exit', removeOnExit);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  const failed = (error: Error) => new OutputFileError(`cannot write ${path}: ${error.message}`);
  // Each file write is a round trip through libuv's thread pool: a sweep
  // writes its phones in batches of about 64 KiB rather than one by one.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await writeAll(handle, text).catch((error: Error) => Promise.reject(failed(error)));
  };
  return {
    async write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= WRITE_BATCH) await flush();
    },
    async commit() {
      await flush();
      try {
        await handle.sync();
        await close();
        await rename(temporary, path);
      } catch (error) {
        throw failed(error as Error);
      }
      process.off('exit', removeOnExit);
    },
    async abort() {
      await close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      process.off('exit', removeOnExit);
    },
  };
}

const WRITE_BATCH = 64 * 1024;

async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset);
    offset += bytesWritten;
  }
}
