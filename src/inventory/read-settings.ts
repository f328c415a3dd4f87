import { unknownKeyMessage } from './closest-key.js';
import { parseJumpHop } from './jump-route.js';
import type { JumpHop } from './phone-target.js';
import { Secret } from './secret.js';
import { portProblem, userNameProblem, variableNameProblem } from './setting-checks.js';
import {
  PHONE_KEYS,
  SETTING_KEYS,
  type SecretSource,
  type Setting,
  type SettingKey,
  type SettingName,
  type SettingsLayer,
} from './settings.js';
import { compilePromptPattern } from './shell-prompt-pattern.js';
import type { YamlMapping, YamlNode } from './yaml-nodes.js';
import { mappingEntries, type YamlSource } from './yaml-source.js';
import { readCount, readPort, readText, readTextList, type ValueSite } from './yaml-values.js';

export type LayerScope = 'defaults' | 'group' | 'site' | 'phone';
export type PhoneKey = (typeof PHONE_KEYS)[number];

/** A level's settings and which of them had a bad value. */
export interface LayerSettings {
  readonly layer: SettingsLayer;
  /** Settings given with a bad value (already reported): not to be reported missing as well. */
  readonly invalid: ReadonlySet<SettingName>;
}

export interface ReadLayer extends LayerSettings {
  /** The phone-only keys' nodes and their values (scope `phone` only), for the phone reader. */
  readonly phoneKeys: Partial<Record<PhoneKey, YamlNode>>;
  readonly phoneValues: Partial<Record<PhoneKey, YamlNode | null>>;
  /** Lines holding a non-empty literal password (for the file-permission warning). */
  readonly literalPasswordLines: readonly number[];
  /** How many settings the mapping gives (valid ones). */
  readonly settingCount: number;
}

const SETTING_KEY_NAMES = Object.keys(SETTING_KEYS) as SettingKey[];
const PHONE_SCOPE_KEYS: readonly string[] = [...PHONE_KEYS, ...SETTING_KEY_NAMES];
const PASSWORD_FORMS: Readonly<Record<SettingName, string>> = {
  port: 'port',
  username: 'username',
  password: 'password, password_env, password_file',
  debugUsername: 'debug_username',
  debugPassword: 'debug_password, debug_password_env, debug_password_file',
  loginPrompt: 'login_prompt',
  passwordPrompt: 'password_prompt',
  prompt: 'prompt',
  maxSessions: 'max_sessions',
  jump: 'jump',
  jumpIdentityFile: 'jump_identity_file',
  jumpPassphrase: 'jump_passphrase_env',
  jumpPassword: 'jump_password_env, jump_password_file',
};

/** The settings of one mapping: `defaults:`, a group, or a phone. */
export function readLayer(source: YamlSource, map: YamlMapping, scope: LayerScope): ReadLayer {
  const layer: Partial<Record<SettingName, Setting<unknown>>> = {};
  const phoneKeys: Partial<Record<PhoneKey, YamlNode>> = {};
  const phoneValues: Partial<Record<PhoneKey, YamlNode | null>> = {};
  // Most phones set nothing themselves: these stay the shared empty ones then.
  let literalPasswordLines: number[] = NO_LINES;
  let keyNodes: Map<SettingName, YamlNode> | undefined;
  let invalid: Set<SettingName> = NO_SETTINGS;
  const known = scope === 'phone' ? PHONE_SCOPE_KEYS : SETTING_KEY_NAMES;
  for (const { key, keyNode, value } of mappingEntries(source, map)) {
    if (isPhoneKey(key)) {
      if (scope === 'phone') {
        phoneKeys[key] = keyNode;
        phoneValues[key] = value;
      } else source.report(keyNode, key, `is allowed only on a phone, not in ${SCOPE_NAMES[scope]}`);
      continue;
    }
    if (key === 'max_sessions' && scope === 'phone') {
      source.report(keyNode, key, 'caps a site or group: set it in defaults:, a group or sites:, not on a phone');
      continue;
    }
    if (!isSettingKey(key)) {
      source.report(keyNode, key, unknownKeyMessage(key, known));
      continue;
    }
    const name = SETTING_KEYS[key];
    const earlier = layer[name];
    if (earlier !== undefined) {
      const line = source.line(keyNodes?.get(name));
      source.report(
        keyNode,
        key,
        `conflicts with ${earlier.origin.key} on line ${line}: set only one of ${PASSWORD_FORMS[name]}`,
      );
      continue;
    }
    const site: ValueSite = { source, at: keyNode, key };
    const settingValue = readSettingValue(site, key, value);
    if (settingValue === undefined) {
      if (invalid === NO_SETTINGS) invalid = new Set();
      invalid.add(name);
      continue;
    }
    layer[name] = { value: settingValue, origin: { where: source.where(keyNode), key } };
    keyNodes ??= new Map();
    keyNodes.set(name, keyNode);
    if (isLiteral(settingValue)) {
      if (literalPasswordLines === NO_LINES) literalPasswordLines = [];
      literalPasswordLines.push(source.line(keyNode));
    }
  }
  const settingCount = keyNodes?.size ?? 0;
  return { layer: layer as SettingsLayer, phoneKeys, phoneValues, literalPasswordLines, invalid, settingCount };
}

const SCOPE_NAMES: Readonly<Record<LayerScope, string>> = {
  defaults: 'defaults:',
  group: 'a group',
  site: 'a site',
  phone: 'a phone',
};

// Never added to: readLayer replaces them with its own before the first add.
const NO_LINES: number[] = [];
const NO_SETTINGS = new Set<SettingName>();

/**
 * A setting's value, checked as far as it can be on its own: so a bad value
 * is reported where it is written even in a group no phone uses, in defaults
 * every phone overrides, or beside another problem of a phone.
 */
function readSettingValue(site: ValueSite, key: SettingKey, value: YamlNode | null): unknown {
  switch (key) {
    case 'port':
      return checked(site, value, readPort(site, value), portProblem);
    case 'max_sessions':
      return readCount(site, value);
    case 'jump':
      return readJumpHops(site, value);
    case 'jump_passphrase_env':
    case 'jump_password_env':
      return secretSource(checked(site, value, readText(site, value), variableNameProblem), (variable) => ({
        kind: 'env',
        variable,
      }));
    case 'jump_password_file':
      return secretSource(readText(site, value), (path) => ({ kind: 'file', path }));
    case 'username':
    case 'debug_username':
      return checked(site, value, readText(site, value), userNameProblem);
    case 'login_prompt':
    case 'password_prompt':
    case 'prompt':
      return checked(site, value, readText(site, value), promptProblem);
    case 'password':
    case 'debug_password':
      return secretSource(readText(site, value, { secret: true }), (text) => ({
        kind: 'literal',
        value: new Secret(text),
      }));
    case 'password_env':
    case 'debug_password_env':
      return secretSource(checked(site, value, readText(site, value), variableNameProblem), (variable) => ({
        kind: 'env',
        variable,
      }));
    case 'password_file':
    case 'debug_password_file':
      return secretSource(readText(site, value), (path) => ({ kind: 'file', path }));
    default:
      return readText(site, value);
  }
}

/** `jump: user@host[:port]`, or a list of them for a chain (first to last). */
function readJumpHops(site: ValueSite, value: YamlNode | null): readonly JumpHop[] | undefined {
  const texts = value?.kind === 'sequence' ? readTextList(site, value) : readText(site, value);
  if (texts === undefined) return undefined;
  const hops: JumpHop[] = [];
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    const hop = parseJumpHop(text);
    if (typeof hop === 'string') {
      site.source.report(value ?? site.at, site.key, hop);
      return undefined;
    }
    hops.push(hop);
  }
  if (hops.length === 0) site.source.report(value ?? site.at, site.key, 'lists no jump host');
  return hops.length === 0 ? undefined : hops;
}

function checked<T>(
  site: ValueSite,
  node: YamlNode | null,
  value: T | undefined,
  problem: (value: T) => string | null,
): T | undefined {
  const message = value === undefined ? null : problem(value);
  if (message === null) return value;
  site.source.report(node ?? site.at, site.key, message);
  return undefined;
}

function promptProblem(pattern: string): string | null {
  const compiled = compilePromptPattern(pattern);
  return typeof compiled === 'string' ? compiled : null;
}

function secretSource(text: string | undefined, make: (text: string) => SecretSource): SecretSource | undefined {
  return text === undefined ? undefined : make(text);
}

// An empty literal (6900 series' admin) is no secret worth a warning.
function isLiteral(value: unknown): boolean {
  const source = value as SecretSource;
  return source.kind === 'literal' && source.value.reveal() !== '';
}

function isPhoneKey(key: string): key is PhoneKey {
  return (PHONE_KEYS as readonly string[]).includes(key);
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_KEYS, key);
}
