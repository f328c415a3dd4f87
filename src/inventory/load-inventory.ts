import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readTextFile } from '../input/read-text.js';
import { InventoryError } from './inventory-problem.js';
import { parseInventory } from './parse-inventory.js';
import type { PhoneTarget } from './phone-target.js';
import type { Environment } from './resolve-target.js';
import { permissionWarning, readableByOthers, secretFileReader } from './secret-file.js';

export interface Inventory {
  readonly phones: PhoneTarget[];
  /** One line each, for stderr: files readable by others. Never a password. */
  readonly warnings: string[];
}

/**
 * Reads and validates an inventory file before any connection. Throws an
 * InventoryError (the CLI exits 2) listing every problem, one line each.
 * Relative password_file paths are read from the inventory's folder.
 */
export async function loadInventory(path: string, options: { env: Environment }): Promise<Inventory> {
  const read = await readTextFile(path);
  if ('error' in read) throw new InventoryError([{ where: null, key: null, message: read.error }]);
  const warnings: string[] = [];
  const parsed = await parseInventory(read.text, {
    file: path,
    env: options.env,
    readSecretFile: secretFileReader(dirname(path), warnings),
  });
  if (parsed.literalPasswordLines.length > 0) {
    const info = await stat(path);
    const lines = parsed.literalPasswordLines.join(', ');
    const what = `holds passwords (line${parsed.literalPasswordLines.length > 1 ? 's' : ''} ${lines}) and is`;
    if (readableByOthers(info)) warnings.push(permissionWarning(path, info.mode, what));
  }
  return { phones: parsed.phones, warnings };
}
