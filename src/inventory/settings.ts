import type { JumpHop } from './phone-target.js';
import type { Secret } from './secret.js';

/**
 * Where a password comes from: typed into the inventory, an environment
 * variable, a file, or (for `unreg check`) a prompt, which arrives as a literal.
 */
export type SecretSource =
  | { readonly kind: 'literal'; readonly value: Secret }
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'file'; readonly path: string };

/** Where a setting was written, so that a bad value names its file:line and key. */
export interface SettingOrigin {
  /** `file:line`, or null for a command-line flag. */
  readonly where: string | null;
  /** The key as written: `password_env` in a file, `--password-env` on the command line. */
  readonly key: string;
}

export interface Setting<T> {
  readonly value: T;
  readonly origin: SettingOrigin;
}

/**
 * The connection settings one level gives: the defaults, a group, a phone, or
 * the command line. Values are type-checked but not yet range-checked: the
 * resolver does that, once, for every source alike.
 */
export interface SettingsLayer {
  readonly port?: Setting<number>;
  readonly username?: Setting<string>;
  readonly password?: Setting<SecretSource>;
  readonly debugUsername?: Setting<string>;
  readonly debugPassword?: Setting<SecretSource>;
  readonly loginPrompt?: Setting<string>;
  readonly passwordPrompt?: Setting<string>;
  readonly prompt?: Setting<string>;
  /** Sessions of a group or site open at once (not a login setting: see parse-inventory.ts). */
  readonly maxSessions?: Setting<number>;
  /** Jump hosts, first to last, and how to log into them. */
  readonly jump?: Setting<readonly JumpHop[]>;
  readonly jumpIdentityFile?: Setting<string>;
  readonly jumpPassphrase?: Setting<SecretSource>;
  readonly jumpPassword?: Setting<SecretSource>;
}

export type SettingName = keyof SettingsLayer;

/** The inventory keys that may appear in `defaults:`, in a group and on a phone. */
export const SETTING_KEYS = {
  port: 'port',
  username: 'username',
  password: 'password',
  password_env: 'password',
  password_file: 'password',
  debug_username: 'debugUsername',
  debug_password: 'debugPassword',
  debug_password_env: 'debugPassword',
  debug_password_file: 'debugPassword',
  login_prompt: 'loginPrompt',
  password_prompt: 'passwordPrompt',
  prompt: 'prompt',
  max_sessions: 'maxSessions',
  jump: 'jump',
  jump_identity_file: 'jumpIdentityFile',
  jump_passphrase_env: 'jumpPassphrase',
  jump_password_env: 'jumpPassword',
  jump_password_file: 'jumpPassword',
} as const satisfies Record<string, SettingName>;

export type SettingKey = keyof typeof SETTING_KEYS;

/** Keys only a phone may carry. */
export const PHONE_KEYS = ['host', 'name', 'site', 'tags', 'groups'] as const;

/** The top level of an inventory file. */
export const TOP_KEYS = ['defaults', 'groups', 'sites', 'phones'] as const;

export const DEFAULT_PORT = 22;
export const DEFAULT_DEBUG_USERNAME = 'debug';
export const DEFAULT_DEBUG_PASSWORD = 'debug';
/** Read when no level sets the SSH password. */
export const SSH_PASSWORD_VARIABLE = 'UNREG_SSH_PASSWORD';
/** Read when no level sets the debug password; `debug` when unset too. */
export const DEBUG_PASSWORD_VARIABLE = 'UNREG_DEBUG_PASSWORD';
