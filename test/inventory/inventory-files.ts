import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for inventories and password files, removed by `remove()`. */
export async function scratchFolder(): Promise<{
  path: (name: string) => string;
  write: Writer;
  remove: () => Promise<void>;
}> {
  const folder = await mkdtemp(join(tmpdir(), 'unreg-inventory-'));
  const path = (name: string) => join(folder, name);
  const write: Writer = async (name, text, mode = 0o600) => {
    await writeFile(path(name), text);
    // chmod, not writeFile's mode: the umask would change the latter.
    await chmod(path(name), mode);
    return path(name);
  };
  return { path, write, remove: () => rm(folder, { recursive: true, force: true }) };
}

type Writer = (name: string, text: string, mode?: number) => Promise<string>;
