import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';
import type { InventoryProblem } from './inventory-problem.js';

/**
 * The parsed inventory file with what every check needs to word a problem:
 * the file name, the source text (to quote a value as written) and the line
 * of any node. Problems accumulate here; nothing stops at the first.
 */
export class YamlSource {
  readonly problems: InventoryProblem[] = [];

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly document: Document,
  ) {}

  lineAt(offset: number): number {
    // Line 0 means "before the first newline was seen": the first line.
    return Math.max(1, this.lineCounter.linePos(offset).line);
  }

  line(node: Node | null | undefined): number {
    return this.lineAt(node?.range?.[0] ?? 0);
  }

  where(node: Node | null | undefined): string {
    return `${this.file}:${this.line(node)}`;
  }

  /** The node as written in the file (`0123`, `yes`), for messages about non-secret values. */
  written(node: Node): string {
    const range = node.range;
    return range ? this.text.slice(range[0], range[1]).trim() : String(node);
  }

  report(node: Node | null | undefined, key: string | null, message: string): void {
    this.problems.push({ where: this.where(node), key, message });
  }

  /** Follows an alias (`*name`) to the node it names; the anchor's line then locates problems. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return node.resolve(this.document) ?? null;
    return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
  }
}

/** Whether a value node holds nothing: `key:` alone or `key: ~`. */
export function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

export function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing';
    if (typeof value === 'boolean') return 'a boolean';
    if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
    return 'text';
  }
  return 'an unknown value';
}

/** A mapping's entries with string keys; other keys and repeated keys are reported. */
export function mappingEntries(
  source: YamlSource,
  map: YAMLMap,
): Array<{ key: string; keyNode: Node; value: Node | null }> {
  const entries: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
  const seen = new Map<string, number>();
  for (const pair of map.items) {
    const keyNode = source.resolve(pair.key);
    if (keyNode === null || !isScalar(keyNode) || typeof keyNode.value !== 'string') {
      source.report(keyNode, keyNode ? source.written(keyNode) : null, 'keys must be plain names');
      continue;
    }
    const key = keyNode.value;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      source.report(keyNode, key, `appears twice in the same mapping (lines ${firstLine} and ${source.line(keyNode)})`);
      continue;
    }
    seen.set(key, source.line(keyNode));
    entries.push({ key, keyNode, value: source.resolve(pair.value) });
  }
  return entries;
}
