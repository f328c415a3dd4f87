import { closestKey } from './closest-key.js';
import { type LayerSettings, readLayer } from './read-settings.js';
import type { TargetIdentity } from './resolve-target.js';
import type { YamlNode } from './yaml-nodes.js';
import { describeNode, type YamlSource } from './yaml-source.js';
import { readText, readTextList, type ValueSite } from './yaml-values.js';

/**
 * One phone as read from its own mapping, before its groups are looked up
 * (phones are read as the file is, and `groups:` may come after them). Holds
 * no node, only lines, so that the located nodes of a 10,000-phone list are
 * never all kept.
 */
export interface PhoneItem {
  /** Where problems about what the phone lacks are reported: its first line. */
  readonly line: number;
  /** The line of its `host:` key; absent when it has none (already reported). */
  readonly hostLine: number | undefined;
  /** Absent when host: is missing or not text (already reported). */
  readonly host: string | undefined;
  readonly name: string | null;
  readonly site: string | null;
  readonly tags: readonly string[];
  /** The settings of the phone's own mapping. */
  readonly own: LayerSettings;
  /** How many settings the phone gives itself: with none, its login is its groups'. */
  readonly ownSettings: number;
  /** The group names it lists, and the line of its `groups:` key to report an unknown one at. */
  readonly groups: { readonly names: readonly string[]; readonly line: number } | undefined;
  readonly literalPasswordLines: readonly number[];
  /** False when the phone's own mapping had a problem: resolving it would only add noise. */
  readonly clean: boolean;
}

type PhoneOnlyKey = 'host' | 'name' | 'site' | 'tags' | 'groups';

/** One item of `phones:`; null when it is not a mapping at all. Problems go to `source`. */
export function readPhoneItem(source: YamlSource, node: YamlNode): PhoneItem | null {
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
  const site = (key: PhoneOnlyKey): ValueSite | undefined => {
    const at = own.phoneKeys[key];
    return at === undefined ? undefined : { source, at, key };
  };
  const value = (key: PhoneOnlyKey): YamlNode | null => own.phoneValues[key] ?? null;
  const text = (key: PhoneOnlyKey): string | null => {
    const at = site(key);
    return (at && readText(at, value(key))) ?? null;
  };
  const host = site('host');
  if (host === undefined) source.report(node, 'host', 'missing: every phone needs host: (an address or DNS name)');
  const hostText = host && readText(host, value('host'));
  const tags = site('tags');
  const identityFields = {
    name: text('name'),
    site: text('site'),
    tags: (tags && readTextList(tags, value('tags'))) ?? NO_TAGS,
  };
  const groups = site('groups');
  const groupNames = groups && (readTextList(groups, value('groups')) ?? NO_TAGS);
  return {
    line: node.line,
    hostLine: host?.at.line,
    host: hostText,
    ...identityFields,
    own: own.settingCount === 0 && own.invalid.size === 0 ? NO_SETTINGS : { layer: own.layer, invalid: own.invalid },
    ownSettings: own.settingCount,
    groups: groups && groupNames && { names: groupNames, line: groups.at.line },
    literalPasswordLines: own.literalPasswordLines,
    clean: source.problems.length === problemsBefore,
  };
}

// Shared by every phone without tags, or without settings of its own.
const NO_TAGS: readonly string[] = Object.freeze([]);
const NO_SETTINGS: LayerSettings = Object.freeze({ layer: Object.freeze({}), invalid: new Set<never>() });

/** Who the phone is, for the resolver; undefined when it has no host (already reported). */
export function identityOf(source: YamlSource, phone: PhoneItem): TargetIdentity | undefined {
  if (phone.host === undefined || phone.hostLine === undefined) return undefined;
  const host = { value: phone.host, origin: { where: source.whereLine(phone.hostLine), key: 'host' } };
  return { host, name: phone.name, site: phone.site, tags: phone.tags };
}

/** The groups a phone lists, in order; an unknown one is reported at its `groups:` key. */
export function joinGroups(
  source: YamlSource,
  phone: PhoneItem,
  groups: ReadonlyMap<string, LayerSettings>,
): { names: string[]; layers: LayerSettings[]; allFound: boolean } {
  const joined = { names: [] as string[], layers: [] as LayerSettings[], allFound: true };
  for (const name of phone.groups?.names ?? []) {
    const group = groups.get(name);
    if (group !== undefined) {
      joined.names.push(name);
      joined.layers.push(group);
      continue;
    }
    const suggestion = closestKey(name, [...groups.keys()]);
    const hint = suggestion === null ? '' : ` (did you mean ${suggestion}?)`;
    source.reportLine(
      phone.groups?.line ?? phone.line,
      'groups',
      `no group ${JSON.stringify(name)} under groups:${hint}`,
    );
    joined.allFound = false;
  }
  return joined;
}
