import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

export interface ScratchFolder {
  /** A path inside the folder. */
  path(name: string): string;
  /** Writes a file with exactly `mode` (chmod: writeFile's mode would go through the umask). */
  write(name: string, text: string, mode?: number): Promise<string>;
}

/** A temporary folder for the enclosing describe(): made before its tests, removed after. */
export function useScratchFolder(): ScratchFolder {
  let folder = '';
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'unreg-inventory-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));
  const path = (name: string) => join(folder, name);
  return {
    path,
    async write(name, text, mode = 0o600) {
      await writeFile(path(name), text);
      await chmod(path(name), mode);
      return path(name);
    },
  };
}
