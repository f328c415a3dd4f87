import { chmod, writeFile } from 'node:fs/promises';
import { withTempDir } from '../helpers/temp-dir.js';

export interface ScratchFolder {
  /** A path inside the folder. */
  path(name: string): string;
  /** Writes a file with exactly `mode` (chmod: writeFile's mode would go through the umask). */
  write(name: string, text: string, mode?: number): Promise<string>;
}

/** A temporary folder for the enclosing describe(): made before its tests, removed after. */
export function useScratchFolder(): ScratchFolder {
  const folder = withTempDir('unreg-inventory-');
  const path = (name: string) => folder.join(name);
  return {
    path,
    async write(name, text, mode = 0o600) {
      await writeFile(path(name), text);
      await chmod(path(name), mode);
      return path(name);
    },
  };
}
