import { closestKey } from './closest-key.js';
import { type LayerSettings, readLayer } from './read-settings.js';
import type { TargetIdentity } from './resolve-target.js';
import { describeNode, type YamlSource } from './yaml-source.js';
import type { YamlNode } from './yaml-tree.js';
import { readText, readTextList } from './yaml-values.js';

export interface ReadPhone {
  /** Absent when host: is missing or not text (already reported). */
  readonly identity: TargetIdentity | undefined;
  readonly hostNode: YamlNode | undefined;
  /** The phone's own settings, then its groups' in the order listed. Defaults are the caller's. */
  readonly layers: readonly LayerSettings[];
  /**
   * The same for phones that set nothing of their own and list the same
   * groups: they log in alike, so their login is resolved once. null when the
   * phone sets something itself.
   */
  readonly sharedKey: string | null;
  readonly literalPasswordLines: readonly number[];
  /** False when the phone's own mapping had a problem: resolving it would only add noise. */
  readonly clean: boolean;
}

type PhoneOnlyKey = 'host' | 'name' | 'site' | 'tags' | 'groups';

/** One item of `phones:`; null when it is not a mapping at all. Problems go to `source`. */
export function readPhone(
  source: YamlSource,
  node: YamlNode,
  groups: ReadonlyMap<string, LayerSettings>,
): ReadPhone | null {
  if (node.kind !== 'mapping') {
    source.report(
      node,
      null,
      `each phone must be a mapping with host:, e.g. "- host: 10.1.2.3", got ${describeNode(node)}`,
    );
    return null;
  }
  const problemsBefore = source.problems.length;
  const own = readLayer(source, node, 'phone');
  const entry = (key: PhoneOnlyKey) => {
    const found = own.phoneEntries.get(key);
    return found === undefined ? undefined : { site: { source, at: found.keyNode, key }, value: found.value };
  };
  const text = (key: PhoneOnlyKey): string | null => {
    const found = entry(key);
    return (found && readText(found.site, found.value)) ?? null;
  };
  const host = entry('host');
  if (host === undefined) source.report(node, 'host', 'missing: every phone needs host: (an address or DNS name)');
  const hostText = host && readText(host.site, host.value);
  const tags = entry('tags');
  const identityFields = {
    name: text('name'),
    site: text('site'),
    tags: (tags && readTextList(tags.site, tags.value)) ?? [],
  };
  const groupList = entry('groups');
  const joined = groupList ? readGroupRefs(source, groupList.site.at, groupList.value, groups) : NO_GROUPS;
  const identity =
    host === undefined || hostText === undefined
      ? undefined
      : { ...identityFields, host: { value: hostText, origin: { where: source.where(host.site.at), key: 'host' } } };
  return {
    identity,
    hostNode: host?.site.at,
    layers: [own, ...joined.layers],
    sharedKey: own.settingCount === 0 ? joined.names.join('\n') : null,
    literalPasswordLines: own.literalPasswordLines,
    clean: source.problems.length === problemsBefore,
  };
}

const NO_GROUPS = { names: [], layers: [] };

function readGroupRefs(
  source: YamlSource,
  keyNode: YamlNode,
  value: YamlNode | null,
  groups: ReadonlyMap<string, LayerSettings>,
): { names: string[]; layers: LayerSettings[] } {
  const listed = readTextList({ source, at: keyNode, key: 'groups' }, value) ?? [];
  const joined: { names: string[]; layers: LayerSettings[] } = { names: [], layers: [] };
  for (const name of listed) {
    const group = groups.get(name);
    if (group !== undefined) {
      joined.names.push(name);
      joined.layers.push(group);
      continue;
    }
    const suggestion = closestKey(name, [...groups.keys()]);
    const hint = suggestion === null ? '' : ` (did you mean ${suggestion}?)`;
    source.report(keyNode, 'groups', `no group ${JSON.stringify(name)} under groups:${hint}`);
  }
  return joined;
}
