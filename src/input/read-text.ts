import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** A whole stream as UTF-8 text (multi-byte characters split across chunks are kept whole). */
export async function readStreamText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A file as UTF-8 text, or a one-line reason it cannot be read. */
export async function readTextFile(path: string): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { error: `${path}: ${REASONS[code ?? ''] ?? message}` };
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a folder, not a file',
};
