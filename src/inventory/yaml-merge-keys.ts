import type { YamlMapping, YamlNode } from './yaml-nodes.js';

/**
 * YAML merge keys, as Ansible inventories use them: `<<: *base` (or a list
 * of aliases) brings in the pairs of the mappings named whose keys the
 * mapping does not set itself, an earlier mapping before a later one. Their
 * nodes keep the lines where they are written, so a problem is reported
 * there. A quoted `"<<"` is an ordinary key; a `<<` whose value is no mapping
 * stays as written (and is reported as an unknown key).
 */
export function withMergedKeys(flat: (YamlNode | null)[], text: string): (YamlNode | null)[] {
  const merged: YamlMapping[] = [];
  const own: (YamlNode | null)[] = [];
  for (let index = 0; index < flat.length; index += 2) {
    const key = flat[index] ?? null;
    const value = flat[index + 1] ?? null;
    const sources = isMergeKey(key, text) ? mergeSources(value) : null;
    if (sources === null) own.push(key, value);
    else merged.push(...sources);
  }
  if (merged.length === 0) return flat;
  const keys = new Set(own.filter((_, index) => index % 2 === 0).map(scalarValue));
  for (const mapping of merged) {
    for (let index = 0; index < mapping.keysAndValues.length; index += 2) {
      const key = mapping.keysAndValues[index] ?? null;
      if (keys.has(scalarValue(key))) continue;
      keys.add(scalarValue(key));
      own.push(key, mapping.keysAndValues[index + 1] ?? null);
    }
  }
  return own;
}

function isMergeKey(key: YamlNode | null, text: string): boolean {
  return key?.kind === 'scalar' && key.value === '<<' && text.startsWith('<<', key.start);
}

/** The mappings a merge key's value names, or null when it names something else. */
function mergeSources(value: YamlNode | null): YamlMapping[] | null {
  if (value?.kind === 'mapping') return [value];
  if (value?.kind !== 'sequence' || value.items.length === 0) return null;
  return value.items.every((item) => item.kind === 'mapping') ? (value.items as YamlMapping[]) : null;
}

function scalarValue(node: YamlNode | null): unknown {
  return node?.kind === 'scalar' ? node.value : node;
}
