import type { EntryTarget } from '../report/report-document.js';
import type { Secret } from './secret.js';

/** The prompts of a phone's debug shell, as patterns matched at the end of what it sent. */
export interface ShellPrompts {
  /** The debug shell's own login prompt, e.g. `login:`. */
  readonly login: RegExp;
  /** Its password prompt, e.g. `Password:`. */
  readonly password: RegExp;
  /** The command prompt once logged in, e.g. `DEBUG>`. */
  readonly command: RegExp;
}

// Phones end prompts with a space or nothing; a pty may add CR.
export const DEFAULT_PROMPTS: ShellPrompts = {
  login: /login:\s*$/i,
  password: /password:\s*$/i,
  command: /DEBUG>\s*$/,
};

/** One jump host: `user@host[:port]`. */
export interface JumpHop {
  readonly user: string;
  readonly host: string;
  readonly port: number;
}

/** How unreg logs into jump hosts: a private key, a password, or the SSH agent. */
export type JumpAuth =
  | { readonly kind: 'key'; readonly privateKey: Secret; readonly passphrase: Secret | null }
  | { readonly kind: 'password'; readonly password: Secret }
  | { readonly kind: 'agent'; readonly socket: string };

/** The jump hosts in front of a phone, first to last (a chain), and how to log into them. */
export interface JumpRoute {
  readonly hops: readonly JumpHop[];
  readonly auth: JumpAuth;
}

/** A cap on the sessions open at once to the phones sharing a group or site (`max_sessions`). */
export interface SessionLimit {
  /** What the phones share, as messages name it: `site tokyo`, `group branch-links`. */
  readonly scope: string;
  readonly max: number;
}

/** Everything needed to read one phone: where, who, and how its shell looks. */
export interface PhoneTarget extends EntryTarget {
  readonly port: number;
  /** The SSH user set on the phone in CUCM. */
  readonly username: string;
  readonly password: Secret;
  /** The debug shell's user: `debug` on most phones, `admin` on 6900 series. */
  readonly debugUsername: string;
  readonly debugPassword: Secret;
  readonly prompts: ShellPrompts;
  /** Caps of its site and groups, inside the sweep's --concurrency; absent: none. */
  readonly sessionLimits?: readonly SessionLimit[];
  /** The jump hosts the phone is reached through; absent: directly. */
  readonly jump?: JumpRoute;
}
