import { aggregateProblems } from './aggregate-problems.js';
import { InventoryError, type InventoryProblem } from './inventory-problem.js';
import type { PhoneTarget } from './phone-target.js';
import { type ReadPhone, readPhone } from './read-phone.js';
import { type InventoryTop, readTop } from './read-top.js';
import { type Environment, resolveTarget } from './resolve-target.js';
import type { SecretReader } from './secret-reader.js';
import { DEFAULT_PORT, type SettingName } from './settings.js';
import { YamlSource } from './yaml-source.js';
import { readYamlTree } from './yaml-tree.js';

export interface ParseInventoryOptions {
  /** The file name used in messages. */
  readonly file: string;
  readonly env: Environment;
  /** Reads `password_file` and `debug_password_file` paths (relative ones as the caller decides). */
  readonly readSecretFile: SecretReader;
}

export interface ParsedInventory {
  readonly phones: PhoneTarget[];
  readonly warnings: string[];
  /** Lines with a non-empty literal password: the loader warns if the file is readable by others. */
  readonly literalPasswordLines: readonly number[];
}

/**
 * An inventory's text to phone targets, every problem found first: throws one
 * InventoryError listing them all, in line order (YAML syntax errors alone
 * when there are any: the rest would only repeat them).
 */
export async function parseInventory(text: string, options: ParseInventoryOptions): Promise<ParsedInventory> {
  const tree = readYamlTree(text);
  if (!tree.ok) throw new InventoryError([{ where: `${options.file}:${tree.line}`, key: null, message: tree.message }]);
  const warnings = tree.warnings.map((warning) => `${options.file}:${warning.line}: ${warning.message}`);
  const source = new YamlSource(options.file, tree.text);
  const top = readTop(source, tree.root);
  const phones: PhoneTarget[] = [];
  const literalPasswordLines = [...top.literalPasswordLines];
  const resolutionProblems: Array<{ problem: InventoryProblem; phoneWhere: string }> = [];
  const firstLines = new Map<string, number>();
  for (const node of top.phones) {
    const phone = readPhone(source, node, top.groups);
    if (phone === null) continue;
    literalPasswordLines.push(...phone.literalPasswordLines);
    checkUnique(source, phone, top, firstLines);
    if (!phone.clean || phone.identity === undefined) continue;
    const resolution = await resolveTarget(phone.identity, [...phone.layers, top.defaults.layer], {
      ...options,
      vocabulary: 'inventory',
    });
    if (resolution.ok) phones.push(resolution.target);
    else {
      const invalid = new Set([...phone.invalid, ...top.defaults.invalid]);
      for (const problem of resolution.problems) {
        // "No username" after "username: 0123 is read as a number" would only confuse.
        if (problem.where === null && invalid.has(problem.key as SettingName)) continue;
        resolutionProblems.push({ problem, phoneWhere: source.where(node) });
      }
    }
  }
  const problems = [...source.problems, ...aggregateProblems(resolutionProblems)];
  if (problems.length > 0) throw new InventoryError(sortByLine(problems));
  return { phones, warnings, literalPasswordLines: literalPasswordLines.sort((a, b) => a - b) };
}

/**
 * A host and port pair may appear once: two entries would read one phone
 * twice. Checked on every phone with a host, valid or not, so that one run
 * reports all duplicates.
 */
function checkUnique(source: YamlSource, phone: ReadPhone, top: InventoryTop, firstLines: Map<string, number>): void {
  if (phone.identity === undefined || phone.hostNode === undefined) return;
  const host = phone.identity.host.value;
  const port =
    [...phone.layers, top.defaults.layer].find((layer) => layer.port !== undefined)?.port?.value ?? DEFAULT_PORT;
  const id = `${host.toLowerCase()} ${port}`;
  const line = source.line(phone.hostNode);
  const first = firstLines.get(id);
  if (first === undefined) firstLines.set(id, line);
  else source.report(phone.hostNode, 'host', `${host} port ${port} is listed twice (lines ${first} and ${line})`);
}

function sortByLine(problems: readonly InventoryProblem[]): InventoryProblem[] {
  const line = (problem: InventoryProblem): number => Number(/:(\d+)$/.exec(problem.where ?? '')?.[1] ?? 0);
  return [...problems].sort((a, b) => line(a) - line(b));
}
