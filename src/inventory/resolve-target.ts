import type { InventoryProblem } from './inventory-problem.js';
import { resolveJumpRoute } from './jump-route.js';
import { DEFAULT_PROMPTS, type PhoneTarget, type ShellPrompts } from './phone-target.js';
import { Secret } from './secret.js';
import { readSecret, type SecretReader } from './secret-reader.js';
import { hostProblem, portProblem, userNameProblem } from './setting-checks.js';
import {
  DEBUG_PASSWORD_VARIABLE,
  DEFAULT_DEBUG_PASSWORD,
  DEFAULT_DEBUG_USERNAME,
  DEFAULT_PORT,
  type SecretSource,
  type Setting,
  type SettingName,
  type SettingOrigin,
  type SettingsLayer,
  SSH_PASSWORD_VARIABLE,
} from './settings.js';
import { compilePromptPattern } from './shell-prompt-pattern.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ResolveOptions {
  readonly env: Environment;
  readonly readSecretFile: SecretReader;
  /** How messages name a setting that is missing: inventory keys or command-line flags. */
  readonly vocabulary: 'inventory' | 'flags';
  /**
   * Passwords already read, by the setting that gave them (or the fallback
   * variable's name): the phones of one inventory share one Secret each.
   */
  readonly secrets?: Map<Setting<SecretSource> | string, Promise<Secret | InventoryProblem>>;
}

/** Who the phone is, apart from how to log in. */
export interface TargetIdentity {
  readonly host: Setting<string>;
  readonly name: string | null;
  readonly site: string | null;
  readonly tags: readonly string[];
}

export type TargetResolution =
  | { readonly ok: true; readonly target: PhoneTarget }
  | {
      readonly ok: false;
      readonly problems: readonly InventoryProblem[];
      /** True when the only lack is an SSH password: `unreg check` may prompt for it. */
      readonly missingPassword: boolean;
    };

/** How to log in to a phone: a target apart from who the phone is. */
export type Login = Omit<PhoneTarget, 'host' | 'name' | 'site' | 'tags'>;

export interface LoginResolution {
  /** null when a problem keeps the phone from being read. */
  readonly login: Login | null;
  readonly problems: readonly InventoryProblem[];
}

/**
 * One phone's target from its settings layers, highest precedence first
 * (phone, its groups in the order listed, defaults; or the command line).
 * Each setting comes from the first layer that sets it; the three password
 * forms (literal, _env, _file) count as one setting.
 * Problems carry the origin of the value at fault; a problem about something
 * missing has `where: null` and the caller places it.
 */
export async function resolveTarget(
  identity: TargetIdentity,
  layers: readonly SettingsLayer[],
  options: ResolveOptions,
): Promise<TargetResolution> {
  return withIdentity(identity, await resolveLogin(layers, options));
}

/**
 * The login part of resolveTarget. It depends on the layers only: phones with
 * the same layers can share one (and its Secret and RegExp objects).
 */
export async function resolveLogin(
  layers: readonly SettingsLayer[],
  options: ResolveOptions,
): Promise<LoginResolution> {
  const problems: InventoryProblem[] = [];
  const port = pick(layers, 'port');
  check(port, portProblem, problems);
  const username = pick(layers, 'username');
  check(username, userNameProblem, problems);
  if (username === undefined) problems.push(missing(options.vocabulary, 'username'));
  const debugUsername = pick(layers, 'debugUsername');
  check(debugUsername, userNameProblem, problems);
  const password = await resolvePassword('password', layers, options, problems);
  const debugPassword = await resolvePassword('debugPassword', layers, options, problems);
  const prompts = resolvePrompts(layers, problems);
  const jump = await resolveJumpRoute((name) => pick(layers, name), options, problems);
  if (problems.length > 0 || password === null || debugPassword === null || prompts === null || jump === undefined) {
    return { login: null, problems };
  }
  const login: Login = {
    port: port?.value ?? DEFAULT_PORT,
    username: username?.value ?? '',
    password,
    debugUsername: debugUsername?.value ?? DEFAULT_DEBUG_USERNAME,
    debugPassword,
    prompts,
    ...(jump === null ? {} : { jump }),
  };
  return { login, problems };
}

/** The target of the phone `identity` names, logging in as `resolution` says; its host checked here. */
export function withIdentity(identity: TargetIdentity, resolution: LoginResolution): TargetResolution {
  const hostMessage = hostProblem(identity.host.value);
  const problems =
    hostMessage === null ? resolution.problems : [atOrigin(identity.host.origin, hostMessage), ...resolution.problems];
  const { login } = resolution;
  if (problems.length > 0 || login === null) {
    return { ok: false, problems, missingPassword: problems.every((problem) => problem.missingPassword === true) };
  }
  return {
    ok: true,
    target: {
      host: identity.host.value,
      port: login.port,
      name: identity.name,
      site: identity.site,
      tags: identity.tags,
      username: login.username,
      password: login.password,
      debugUsername: login.debugUsername,
      debugPassword: login.debugPassword,
      prompts: login.prompts,
      ...(login.jump === undefined ? {} : { jump: login.jump }),
    },
  };
}

function check<T>(
  setting: Setting<T> | undefined,
  problem: (value: T) => string | null,
  problems: InventoryProblem[],
): void {
  const message = setting === undefined ? null : problem(setting.value);
  if (message !== null && setting !== undefined) problems.push(atOrigin(setting.origin, message));
}

function pick<K extends SettingName>(layers: readonly SettingsLayer[], name: K): SettingsLayer[K] {
  for (const layer of layers) if (layer[name] !== undefined) return layer[name];
  return undefined;
}

/**
 * A password from the first layer that sets one, else from its fallback
 * variable, else the built-in default: `debug` for the debug shell, none for
 * SSH (a problem the CLI may answer with a prompt).
 */
async function resolvePassword(
  name: 'password' | 'debugPassword',
  layers: readonly SettingsLayer[],
  options: ResolveOptions,
  problems: InventoryProblem[],
): Promise<Secret | null> {
  const variable = name === 'password' ? SSH_PASSWORD_VARIABLE : DEBUG_PASSWORD_VARIABLE;
  const picked = pick(layers, name);
  const setting = picked ?? fallback(variable, options.env);
  if (setting !== undefined)
    return collect(await shared(picked ?? variable, options, () => readSecret(setting, options)), problems);
  if (name === 'debugPassword')
    return collect(await shared('', options, async () => new Secret(DEFAULT_DEBUG_PASSWORD)), problems);
  problems.push({ ...missing(options.vocabulary, 'password'), missingPassword: true });
  return null;
}

function shared(
  key: Setting<SecretSource> | string,
  options: ResolveOptions,
  read: () => Promise<Secret | InventoryProblem>,
): Promise<Secret | InventoryProblem> {
  let secret = options.secrets?.get(key);
  if (secret === undefined) {
    secret = read();
    options.secrets?.set(key, secret);
  }
  return secret;
}

// A set fallback variable goes through the same checks as a named one.
function fallback(variable: string, env: Environment): Setting<SecretSource> | undefined {
  return env[variable] === undefined
    ? undefined
    : { value: { kind: 'env', variable }, origin: { where: null, key: variable } };
}

function collect(result: Secret | InventoryProblem, problems: InventoryProblem[]): Secret | null {
  if (result instanceof Secret) return result;
  problems.push(result);
  return null;
}

function resolvePrompts(layers: readonly SettingsLayer[], problems: InventoryProblem[]): ShellPrompts | null {
  const compile = (name: 'loginPrompt' | 'passwordPrompt' | 'prompt', fallbackPattern: RegExp): RegExp | null => {
    const setting = pick(layers, name);
    if (setting === undefined) return fallbackPattern;
    const pattern = compiled(setting);
    if (typeof pattern === 'string') {
      problems.push(atOrigin(setting.origin, pattern));
      return null;
    }
    return pattern;
  };
  const login = compile('loginPrompt', DEFAULT_PROMPTS.login);
  const password = compile('passwordPrompt', DEFAULT_PROMPTS.password);
  const command = compile('prompt', DEFAULT_PROMPTS.command);
  if (login === DEFAULT_PROMPTS.login && password === DEFAULT_PROMPTS.password && command === DEFAULT_PROMPTS.command) {
    return DEFAULT_PROMPTS;
  }
  return login && password && command ? { login, password, command } : null;
}

// A pattern in defaults: or a group is compiled once for all its phones (the
// RegExp holds no state between matches: no g or y flag).
const COMPILED_PROMPTS = new WeakMap<Setting<string>, RegExp | string>();

function compiled(setting: Setting<string>): RegExp | string {
  let pattern = COMPILED_PROMPTS.get(setting);
  if (pattern === undefined) {
    pattern = compilePromptPattern(setting.value);
    COMPILED_PROMPTS.set(setting, pattern);
  }
  return pattern;
}

function atOrigin(origin: SettingOrigin, message: string): InventoryProblem {
  return { where: origin.where, key: origin.key, message };
}

const MISSING = {
  inventory: {
    username: { key: 'username', message: 'no SSH username: set username in defaults:, a group or the phone' },
    password: {
      key: 'password',
      message: `no SSH password: set password_env, password_file or password, or export ${SSH_PASSWORD_VARIABLE}`,
    },
  },
  flags: {
    username: { key: '--username', message: 'no SSH username: give --username' },
    password: {
      key: '--password-env',
      message: `no SSH password: give --password-env or --password-file, or export ${SSH_PASSWORD_VARIABLE}`,
    },
  },
} as const;

function missing(vocabulary: ResolveOptions['vocabulary'], what: 'username' | 'password'): InventoryProblem {
  return { where: null, ...MISSING[vocabulary][what] };
}
