import { unknownKeyMessage } from './closest-key.js';
import { type LayerSettings, readLayer } from './read-settings.js';
import { TOP_KEYS } from './settings.js';
import type { YamlMapping, YamlNode } from './yaml-nodes.js';
import { describeNode, isEmptyValue, mappingEntries, type YamlSource } from './yaml-source.js';

/** The top level of an inventory: defaults, groups by name, and the phones' nodes. */
export interface InventoryTop {
  readonly defaults: LayerSettings;
  readonly groups: ReadonlyMap<string, LayerSettings>;
  /** Settings by site name (`sites:`), for the phones whose `site:` names it. */
  readonly sites: ReadonlyMap<string, LayerSettings>;
  readonly phones: readonly YamlNode[];
  readonly literalPasswordLines: readonly number[];
}

// `x-` keys are left to the user, as in Compose files: a place for YAML
// anchors that phones and groups merge (`<<: *name`).
const EXTENSION_PREFIX = 'x-';
const SHAPE = 'expected a mapping with phones: (and optional defaults:, groups: and sites:)';
const NO_SETTINGS: LayerSettings = { layer: {}, invalid: new Set() };

export function readTop(source: YamlSource, contents: YamlNode | null): InventoryTop {
  const top = {
    defaults: NO_SETTINGS,
    groups: new Map<string, LayerSettings>(),
    sites: new Map<string, LayerSettings>(),
    phones: [] as readonly YamlNode[],
    literalPasswordLines: [] as number[],
  };
  if (isEmptyValue(contents)) {
    source.problems.push({ where: `${source.file}:1`, key: null, message: `the file is empty: ${SHAPE}` });
    return top;
  }
  if (contents?.kind !== 'mapping') {
    source.report(contents, null, `${SHAPE}, got ${describeNode(contents)}`);
    return top;
  }
  const entries = mappingEntries(source, contents);
  for (const { key, keyNode, value } of entries) {
    if (key === 'defaults') {
      const map = optionalMapping(source, keyNode, key, value);
      const read = map && readLayer(source, map, 'defaults');
      top.defaults = read ?? NO_SETTINGS;
      top.literalPasswordLines.push(...(read?.literalPasswordLines ?? []));
    } else if (key === 'groups') {
      readNamedLayers(source, optionalMapping(source, keyNode, key, value), 'group', top.groups, top);
    } else if (key === 'sites') {
      readNamedLayers(source, optionalMapping(source, keyNode, key, value), 'site', top.sites, top);
    } else if (key === 'phones') {
      top.phones = phoneNodes(source, keyNode, value);
    } else if (!key.startsWith(EXTENSION_PREFIX)) {
      source.report(keyNode, key, unknownKeyMessage(key, TOP_KEYS));
    }
  }
  if (!entries.some((entry) => entry.key === 'phones')) {
    source.report(contents, 'phones', 'missing: the inventory needs a phones: list');
  }
  return top;
}

/** `groups:` or `sites:`: settings by name. */
function readNamedLayers(
  source: YamlSource,
  mapping: YamlMapping | null,
  scope: 'group' | 'site',
  into: Map<string, LayerSettings>,
  top: { literalPasswordLines: number[] },
): void {
  if (mapping === null) return;
  for (const named of mappingEntries(source, mapping)) {
    const map = optionalMapping(source, named.keyNode, named.key, named.value);
    const read = map && readLayer(source, map, scope);
    into.set(named.key, read ?? NO_SETTINGS);
    top.literalPasswordLines.push(...(read?.literalPasswordLines ?? []));
  }
}

function phoneNodes(source: YamlSource, keyNode: YamlNode, value: YamlNode | null): readonly YamlNode[] {
  if (value?.kind !== 'sequence') {
    source.report(value ?? keyNode, 'phones', `must be a list of phones, got ${describeNode(value)}`);
    return [];
  }
  if (value.items.length === 0) source.report(keyNode, 'phones', 'lists no phones');
  return value.items;
}

/** A mapping, or null for `key:` left empty (everything commented out is fine); anything else is reported. */
function optionalMapping(
  source: YamlSource,
  keyNode: YamlNode,
  key: string,
  value: YamlNode | null,
): YamlMapping | null {
  if (value?.kind === 'mapping') return value;
  if (!isEmptyValue(value)) source.report(value ?? keyNode, key, `must be a mapping, got ${describeNode(value)}`);
  return null;
}
