import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { readTextFile } from '../input/read-text.js';
import type { SecretReader } from './secret-reader.js';

/** Group or others may read: what ssh refuses for private keys. */
const READABLE_BY_OTHERS = 0o044;

/**
 * Reads password files once each (a fleet shares a few), relative paths from
 * `baseFolder` (the inventory's folder, or the working folder for flags).
 * A file readable by group or others adds a warning naming it.
 */
export function secretFileReader(baseFolder: string, warnings: string[]): SecretReader {
  const cache = new Map<string, ReturnType<SecretReader>>();
  return (path) => {
    const full = isAbsolute(path) ? path : resolve(baseFolder, path);
    let pending = cache.get(full);
    if (pending === undefined) {
      pending = readOnce(path, full, warnings);
      cache.set(full, pending);
    }
    return pending;
  };
}

async function readOnce(shown: string, full: string, warnings: string[]): ReturnType<SecretReader> {
  const read = await readTextFile(full);
  if ('error' in read) return { error: read.error.replace(full, shown) };
  const info = await stat(full);
  if (readableByOthers(info)) warnings.push(permissionWarning(shown, info.mode, 'is a password file'));
  return read;
}

/**
 * A regular file that group or others may read. Only a regular file's mode
 * is the user's to fix: /dev/null (an empty password, as 6900 series phones
 * want) and pipes (`--password-file <(pass show phones)`) are 666 or 600
 * whatever the user does.
 */
export function readableByOthers(info: Stats): boolean {
  return info.isFile() && (info.mode & READABLE_BY_OTHERS) !== 0;
}

export function permissionWarning(file: string, mode: number, what: string): string {
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `${file}: ${what} readable by group or others (mode ${octal}): chmod 600 ${file}`;
}
