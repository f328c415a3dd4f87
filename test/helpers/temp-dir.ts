import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

/** A folder of a test suite's own. */
export interface TempDir {
  /** The folder; set once the suite's `before` hooks start. */
  readonly path: string;
  /** A path inside the folder. */
  join(...parts: string[]): string;
}

/** A fresh folder under the system's temporary folder, for one test; `remove` deletes it and all it holds. */
export async function scratchFolder(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A fresh folder under the system's temporary folder, made before the
 * current suite's tests (the file's, at top level) and removed with all it
 * holds after them. Call it before the suite's own hooks that use it: hooks
 * run in the order they were declared.
 */
export function withTempDir(prefix: string): TempDir {
  let path = '';
  let remove = async (): Promise<void> => {};
  before(async () => {
    ({ path, remove } = await scratchFolder(prefix));
  });
  after(() => remove());
  const folder = (): string => {
    if (path === '') throw new Error(`withTempDir(${prefix}): used before the suite's hooks ran`);
    return path;
  };
  return {
    get path() {
      return folder();
    },
    join: (...parts) => join(folder(), ...parts),
  };
}
