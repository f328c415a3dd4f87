import type { InventoryProblem } from './inventory-problem.js';
import type { YamlMapping, YamlNode } from './yaml-nodes.js';

/**
 * The parsed inventory file with what every check needs to word a problem:
 * the file name, the source text (to quote a value as written) and the line
 * of any node. Problems accumulate here; nothing stops at the first.
 */
export class YamlSource {
  readonly problems: InventoryProblem[] = [];

  constructor(
    readonly file: string,
    /** The text the nodes' offsets refer to. */
    private readonly text: string,
  ) {}

  line(node: YamlNode | null | undefined): number {
    return node?.line ?? 1;
  }

  where(node: YamlNode | null | undefined): string {
    return this.whereLine(this.line(node));
  }

  whereLine(line: number): string {
    return `${this.file}:${line}`;
  }

  /** The node as written in the file (`0123`, `yes`), for messages about non-secret values. */
  written(node: YamlNode): string {
    return this.text.slice(node.start, node.end).trim();
  }

  report(node: YamlNode | null | undefined, key: string | null, message: string): void {
    this.reportLine(this.line(node), key, message);
  }

  reportLine(line: number, key: string | null, message: string): void {
    this.problems.push({ where: this.whereLine(line), key, message });
  }
}

/** Whether a value node holds nothing: `key:` alone or `key: ~`. */
export function isEmptyValue(node: YamlNode | null): boolean {
  return node === null || (node.kind === 'scalar' && node.value === null);
}

export function describeNode(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (node.kind === 'mapping') return 'a mapping';
  if (node.kind === 'sequence') return 'a list';
  const value = node.value;
  if (value === null) return 'nothing';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return 'a number';
  return 'text';
}

export interface MappingEntry {
  readonly key: string;
  readonly keyNode: YamlNode;
  readonly value: YamlNode | null;
}

/** A mapping's entries with string keys; other keys and repeated keys are reported. */
export function mappingEntries(source: YamlSource, map: YamlMapping): MappingEntry[] {
  const entries: MappingEntry[] = [];
  const seen = new Map<string, number>();
  const flat = map.keysAndValues;
  for (let index = 0; index < flat.length; index += 2) {
    const keyNode = flat[index] as YamlNode;
    const value = flat[index + 1] ?? null;
    if (keyNode.kind !== 'scalar' || typeof keyNode.value !== 'string') {
      source.report(keyNode, source.written(keyNode), 'keys must be plain names');
      continue;
    }
    const key = keyNode.value;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      source.report(keyNode, key, `appears twice in the same mapping (lines ${firstLine} and ${keyNode.line})`);
      continue;
    }
    seen.set(key, keyNode.line);
    entries.push({ key, keyNode, value });
  }
  return entries;
}
