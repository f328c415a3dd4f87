import type { YamlNode } from './yaml-nodes.js';
import { describeNode, isEmptyValue, type YamlSource } from './yaml-source.js';

// Typed reads of one value. YAML's core schema turns unquoted `0123` into the
// number 123 and `true` into a boolean: a text key given one is an error that
// says to quote it, instead of a silently changed name or password.
// Each read reports at `at` (the key's line) and returns undefined on error.

export interface ValueSite {
  readonly source: YamlSource;
  /** Where to report: the key node. */
  readonly at: YamlNode;
  readonly key: string;
}

export function readText(
  site: ValueSite,
  node: YamlNode | null,
  options: { secret?: boolean } = {},
): string | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'string') return node.value;
  site.source.report(node ?? site.at, site.key, textProblem(site.source, node, options.secret === true));
  return undefined;
}

function textProblem(source: YamlSource, node: YamlNode | null, secret: boolean): string {
  if (isEmptyValue(node)) return secret ? 'has no value: write "" for an empty password' : 'has no value';
  const kind = describeNode(node);
  if (node?.kind !== 'scalar') return `must be text, got ${kind}`;
  // Never echo a password, even one YAML misread.
  if (secret) return `is read as ${kind}, not text: put the password in quotes`;
  const written = source.written(node);
  const read = String(node.value);
  const readAs = read === written ? kind : `${kind} (${read})`;
  return `${written} is read as ${readAs}: quote it, e.g. ${JSON.stringify(written)}`;
}

/** A port as written: a plain decimal integer. The range is checked by the resolver. */
export function readPort(site: ValueSite, node: YamlNode | null): number | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'number' && /^\d+$/.test(site.source.written(node))) {
    return node.value;
  }
  const got = node?.kind === 'scalar' && !isEmptyValue(node) ? site.source.written(node) : describeNode(node);
  site.source.report(node ?? site.at, site.key, `must be an integer 1-65535, got ${got}`);
  return undefined;
}

/** A count as written: a plain decimal integer, 1 or more. */
export function readCount(site: ValueSite, node: YamlNode | null): number | undefined {
  if (node?.kind === 'scalar' && typeof node.value === 'number' && /^\d+$/.test(site.source.written(node))) {
    if (node.value >= 1) return node.value;
  }
  const got = node?.kind === 'scalar' && !isEmptyValue(node) ? site.source.written(node) : describeNode(node);
  site.source.report(node ?? site.at, site.key, `must be a whole number, 1 or more, got ${got}`);
  return undefined;
}

/** A list of non-empty text items (tags, group names); problems name the item's own line. */
export function readTextList(site: ValueSite, node: YamlNode | null): string[] | undefined {
  if (node?.kind !== 'sequence') {
    const example = node?.kind === 'scalar' && typeof node.value === 'string' ? `[${node.value}]` : '[a, b]';
    site.source.report(node ?? site.at, site.key, `must be a list, e.g. ${example}, got ${describeNode(node)}`);
    return undefined;
  }
  // Sized exactly: every phone keeps its tags.
  const items = new Array<string>(node.items.length);
  let ok = true;
  for (const [index, item] of node.items.entries()) {
    const text = readText({ ...site, at: item }, item);
    if (text === '') site.source.report(item, site.key, 'holds an empty item');
    if (text === undefined || text === '') ok = false;
    else items[index] = text;
  }
  return ok ? items : undefined;
}
