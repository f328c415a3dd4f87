import type { InventoryProblem } from './inventory-problem.js';
import { parseJumpHop } from './jump-route.js';
import { type Environment, resolveTarget, type TargetResolution } from './resolve-target.js';
import type { Secret } from './secret.js';
import { secretFileReader } from './secret-file.js';
import type { SecretSource, Setting, SettingsLayer } from './settings.js';

/**
 * `unreg check HOST` flags, as yargs gives them (camelCase). Passwords never
 * come as flag values: an environment variable, a file, or `password`, the
 * answer to the CLI's no-echo prompt.
 */
export interface TargetFlags {
  readonly port?: number;
  readonly username?: string;
  readonly passwordEnv?: string;
  readonly passwordFile?: string;
  /** Typed at the no-echo prompt; the CLI asks only when a resolution says `missingPassword`. */
  readonly password?: Secret;
  readonly debugUsername?: string;
  readonly debugPasswordEnv?: string;
  readonly debugPasswordFile?: string;
  readonly loginPrompt?: string;
  readonly passwordPrompt?: string;
  readonly prompt?: string;
  readonly name?: string;
  readonly site?: string;
  /** `user@host[:port]`: the jump host in front of the phone. */
  readonly jump?: string;
  readonly jumpIdentityFile?: string;
  readonly jumpPassphraseEnv?: string;
  readonly jumpPasswordEnv?: string;
  readonly jumpPasswordFile?: string;
}

export type FlagResolution = TargetResolution & { readonly warnings: readonly string[] };

/**
 * One phone from the command line, by the inventory's rules and messages
 * (`--port: must be an integer 1-65535, got 0`). When the SSH password is
 * missing, `missingPassword` is true: on a terminal, prompt and call again with
 * `password` set. Relative --password-file paths are read from `cwd`.
 */
export async function resolvePhoneTarget(
  host: string,
  flags: TargetFlags,
  options: { env: Environment; cwd?: string },
): Promise<FlagResolution> {
  const warnings: string[] = [];
  const conflicts: InventoryProblem[] = [];
  const layer: SettingsLayer = {
    ...plain('port', '--port', flags.port),
    ...plain('username', '--username', flags.username),
    ...plain('debugUsername', '--debug-username', flags.debugUsername),
    ...plain('loginPrompt', '--login-prompt', flags.loginPrompt),
    ...plain('passwordPrompt', '--password-prompt', flags.passwordPrompt),
    ...plain('prompt', '--prompt', flags.prompt),
    ...secretFlag('password', conflicts, [
      ['--password-env', given(flags.passwordEnv, (variable) => ({ kind: 'env', variable }))],
      ['--password-file', given(flags.passwordFile, (path) => ({ kind: 'file', path }))],
      ['password (prompt)', given(flags.password, (value) => ({ kind: 'literal', value }))],
    ]),
    ...jumpFlags(flags, conflicts),
    ...secretFlag('debugPassword', conflicts, [
      ['--debug-password-env', given(flags.debugPasswordEnv, (variable) => ({ kind: 'env', variable }))],
      ['--debug-password-file', given(flags.debugPasswordFile, (path) => ({ kind: 'file', path }))],
    ]),
  };
  const identity = {
    host: { value: host, origin: { where: null, key: 'HOST' } },
    name: flags.name ?? null,
    site: flags.site ?? null,
    tags: [],
  };
  const resolution = await resolveTarget(identity, [layer], {
    env: options.env,
    readSecretFile: secretFileReader(options.cwd ?? process.cwd(), warnings),
    vocabulary: 'flags',
  });
  if (conflicts.length === 0) return { ...resolution, warnings };
  const problems = [...conflicts, ...(resolution.ok ? [] : resolution.problems)];
  return { ok: false, problems, missingPassword: false, warnings };
}

/** --jump and its credentials, checked by the inventory's rules. */
function jumpFlags(flags: TargetFlags, conflicts: InventoryProblem[]): Partial<SettingsLayer> {
  if (flags.jump === undefined) return {};
  const hop = parseJumpHop(flags.jump);
  if (typeof hop === 'string') {
    conflicts.push({ where: null, key: '--jump', message: hop });
    return {};
  }
  const origin = (key: string) => ({ where: null, key });
  return {
    jump: { value: [hop], origin: origin('--jump') },
    ...(flags.jumpIdentityFile === undefined
      ? {}
      : { jumpIdentityFile: { value: flags.jumpIdentityFile, origin: origin('--jump-identity-file') } }),
    ...secretFlag('jumpPassphrase', conflicts, [
      ['--jump-passphrase-env', given(flags.jumpPassphraseEnv, (variable) => ({ kind: 'env', variable }))],
    ]),
    ...secretFlag('jumpPassword', conflicts, [
      ['--jump-password-env', given(flags.jumpPasswordEnv, (variable) => ({ kind: 'env', variable }))],
      ['--jump-password-file', given(flags.jumpPasswordFile, (path) => ({ kind: 'file', path }))],
    ]),
  };
}

function plain<K extends 'port' | 'username' | 'debugUsername' | 'loginPrompt' | 'passwordPrompt' | 'prompt'>(
  name: K,
  flag: string,
  value: NonNullable<SettingsLayer[K]>['value'] | undefined,
): Partial<SettingsLayer> {
  return value === undefined ? {} : { [name]: { value, origin: { where: null, key: flag } } };
}

/** The one password source given; two given at once is a conflict, not a silent choice. */
function secretFlag(
  name: 'password' | 'debugPassword' | 'jumpPassphrase' | 'jumpPassword',
  conflicts: InventoryProblem[],
  forms: ReadonlyArray<readonly [string, SecretSource | undefined]>,
): Partial<SettingsLayer> {
  const given = forms.filter((form): form is readonly [string, SecretSource] => form[1] !== undefined);
  const [first, second] = given;
  if (first === undefined) return {};
  if (second !== undefined) {
    conflicts.push({ where: null, key: second[0], message: `conflicts with ${first[0]}: give only one` });
  }
  const setting: Setting<SecretSource> = { value: first[1], origin: { where: null, key: first[0] } };
  return { [name]: setting };
}

function given<T>(value: T | undefined, make: (value: T) => SecretSource): SecretSource | undefined {
  return value === undefined ? undefined : make(value);
}
