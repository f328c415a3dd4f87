import { aggregateProblems } from './aggregate-problems.js';
import { formatProblem, InventoryError, type InventoryProblem } from './inventory-problem.js';
import type { PhoneTarget, SessionLimit } from './phone-target.js';
import { identityOf, joinGroups, type PhoneItem, readPhoneItem } from './read-phone-item.js';
import type { LayerSettings } from './read-settings.js';
import { type InventoryTop, readTop } from './read-top.js';
import { type Environment, type LoginResolution, resolveLogin, withIdentity } from './resolve-target.js';
import type { SecretReader } from './secret-reader.js';
import { DEFAULT_PORT, type SettingName } from './settings.js';
import type { YamlNode } from './yaml-nodes.js';
import { YamlSource } from './yaml-source.js';
import { readYamlTree, STREAMED, withoutByteOrderMark } from './yaml-tree.js';

export interface ParseInventoryOptions {
  /** The file name used in messages. */
  readonly file: string;
  readonly env: Environment;
  /** Reads `password_file` and `debug_password_file` paths (relative ones as the caller decides). */
  readonly readSecretFile: SecretReader;
}

export interface ParsedInventory {
  readonly phones: PhoneTarget[];
  /** Lines with a non-empty literal password: the loader warns if the file is readable by others. */
  readonly literalPasswordLines: readonly number[];
}

/**
 * An inventory's text to phone targets, every problem found first: throws one
 * InventoryError listing them all, in line order (YAML syntax errors alone
 * when there are any: the rest would only repeat them). Phones are read as
 * the file is and their nodes dropped, their groups looked up after.
 */
export async function parseInventory(text: string, options: ParseInventoryOptions): Promise<ParsedInventory> {
  const source = new YamlSource(options.file, withoutByteOrderMark(text));
  const read: PhoneItem[] = [];
  const readEntry = (node: YamlNode): void => {
    const phone = readPhoneItem(source, node);
    if (phone !== null) read.push(phone);
  };
  const tree = readYamlTree(text, { stream: { key: 'phones', read: readEntry } });
  if (!tree.ok) throw new InventoryError([{ where: `${options.file}:${tree.line}`, key: null, message: tree.message }]);
  const top = readTop(source, tree.root);
  // A flow list (`phones: [...]`) stays in the tree.
  for (const node of top.phones) if (node !== STREAMED) readEntry(node);
  const resolved = await resolvePhones(source, read, top, options);
  const problems = [...source.problems, ...aggregateProblems(resolved.problems)];
  if (problems.length > 0) throw new InventoryError(sortByLine(problems));
  const literalPasswordLines = [...top.literalPasswordLines, ...read.flatMap((phone) => phone.literalPasswordLines)];
  return {
    phones: resolved.phones,
    literalPasswordLines: [...new Set(literalPasswordLines)].sort((a, b) => a - b),
  };
}

/**
 * Each phone read to its target: its groups joined, its host and port
 * checked against the others', its login resolved (once for all phones that
 * set nothing themselves and list the same groups and site: most of a fleet).
 * A phone's layers, highest first: its own, its groups, its site, defaults.
 */
async function resolvePhones(
  source: YamlSource,
  read: readonly PhoneItem[],
  top: InventoryTop,
  options: ParseInventoryOptions,
): Promise<{ phones: PhoneTarget[]; problems: Array<{ problem: InventoryProblem; phoneWhere: string }> }> {
  const phones: PhoneTarget[] = [];
  const problems: Array<{ problem: InventoryProblem; phoneWhere: string }> = [];
  const firstLines = new Map<string, number>();
  const sharedLogins = new Map<string, LoginResolution>();
  const sharedLimits = new Map<string, readonly SessionLimit[]>();
  const resolveOptions = { ...options, vocabulary: 'inventory', secrets: new Map() } as const;
  for (const phone of read) {
    const groups = joinGroups(source, phone, top.groups);
    const site = phone.site === null ? undefined : top.sites.get(phone.site);
    const layers = [phone.own, ...groups.layers, ...(site === undefined ? [] : [site]), top.defaults];
    checkUnique(source, phone, layers, firstLines);
    const identity = phone.clean && groups.allFound ? identityOf(source, phone) : undefined;
    if (identity === undefined) continue;
    const groupsAndSite = `${groups.names.join('\n')}\n\n${phone.site ?? ''}`;
    const sharedKey = phone.ownSettings === 0 ? groupsAndSite : null;
    let login = sharedKey === null ? undefined : sharedLogins.get(sharedKey);
    if (login === undefined) {
      login = await resolveLogin(
        layers.map((settings) => settings.layer),
        resolveOptions,
      );
      if (sharedKey !== null) sharedLogins.set(sharedKey, login);
    }
    const resolution = withIdentity(identity, login);
    if (resolution.ok) {
      let limits = sharedLimits.get(groupsAndSite);
      if (limits === undefined) {
        limits = sessionLimits(phone.site, groups, site, top.defaults);
        sharedLimits.set(groupsAndSite, limits);
      }
      phones.push(limits.length === 0 ? resolution.target : { ...resolution.target, sessionLimits: limits });
      continue;
    }
    const invalid = new Set(layers.flatMap((settings) => [...settings.invalid]));
    for (const problem of resolution.problems) {
      // "No username" after "username: 0123 is read as a number" would only confuse.
      if (problem.where === null && invalid.has(problem.key as SettingName)) continue;
      problems.push({ problem, phoneWhere: source.whereLine(phone.line) });
    }
  }
  return { phones, problems };
}

/**
 * The caps a phone's sessions count towards: each of its groups that sets
 * `max_sessions`, and its site, capped by `sites:` or else by `defaults:`
 * (which caps every site, each on its own; phones without a site are not).
 */
function sessionLimits(
  siteName: string | null,
  groups: { names: readonly string[]; layers: readonly LayerSettings[] },
  site: LayerSettings | undefined,
  defaults: LayerSettings,
): readonly SessionLimit[] {
  const limits: SessionLimit[] = [];
  groups.layers.forEach((group, at) => {
    const max = group.layer.maxSessions?.value;
    if (max !== undefined) limits.push({ scope: `group ${groups.names[at]}`, max });
  });
  const siteMax = site?.layer.maxSessions?.value ?? defaults.layer.maxSessions?.value;
  if (siteName !== null && siteMax !== undefined) limits.push({ scope: `site ${siteName}`, max: siteMax });
  return limits;
}

/**
 * A host and port pair may appear once: two entries would read one phone
 * twice. Checked on every phone with a host, valid or not, so that one run
 * reports all duplicates.
 */
function checkUnique(
  source: YamlSource,
  phone: PhoneItem,
  layers: readonly LayerSettings[],
  firstLines: Map<string, number>,
): void {
  const host = phone.host;
  if (host === undefined || phone.hostLine === undefined) return;
  const port = portOf(layers);
  // A bad port is reported where it is written; which phone it would collide with is unknown.
  if (port === null) return;
  const id = `${host.toLowerCase()} ${port}`;
  const line = phone.hostLine;
  const first = firstLines.get(id);
  if (first === undefined) firstLines.set(id, line);
  else source.reportLine(line, 'host', `${host} port ${port} is listed twice (lines ${first} and ${line})`);
}

/** The port a phone's layers give, the default if none, null if the one that counts is bad. */
function portOf(layers: readonly LayerSettings[]): number | null {
  for (const { layer, invalid } of layers) {
    if (layer.port !== undefined) return layer.port.value;
    if (invalid.has('port')) return null;
  }
  return DEFAULT_PORT;
}

/**
 * In line order, each problem once: a value that several phones merge
 * (`<<: *anchor`) is checked for each of them but written in one place.
 */
function sortByLine(problems: readonly InventoryProblem[]): InventoryProblem[] {
  const unique = new Map(problems.map((problem) => [formatProblem(problem), problem]));
  // Each line read once, not once per comparison: a fleet may have thousands of problems.
  const line = (problem: InventoryProblem): number => Number(/:(\d+)$/.exec(problem.where ?? '')?.[1] ?? 0);
  return [...unique.values()]
    .map((problem) => ({ problem, line: line(problem) }))
    .sort((a, b) => a.line - b.line)
    .map((entry) => entry.problem);
}
