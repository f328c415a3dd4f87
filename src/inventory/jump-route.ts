import type { InventoryProblem } from './inventory-problem.js';
import type { JumpAuth, JumpHop, JumpRoute } from './phone-target.js';
import { Secret } from './secret.js';
import { readSecret, type SecretContext } from './secret-reader.js';
import { hostProblem, portProblem, userNameProblem } from './setting-checks.js';
import type { Setting, SettingsLayer } from './settings.js';

// user@host, user@host:port, user@[v6]:port.
const HOP = /^([^@\s]+)@(\[[^\]]+\]|[^:@\s]+)(?::(\d+))?$/;

/** One `jump` hop as written, `user@host[:port]`, or why it is not one. */
export function parseJumpHop(text: string): JumpHop | string {
  const match = HOP.exec(text);
  if (match === null) return `${JSON.stringify(text)} is not user@host[:port]`;
  const [, user = '', bracketed = '', portText] = match;
  const host = bracketed.replace(/^\[(.*)\]$/, '$1');
  const port = portText === undefined ? 22 : Number(portText);
  const problem = userNameProblem(user) ?? hostProblem(host) ?? portProblem(port);
  return problem === null ? { user, host, port } : `${JSON.stringify(text)}: ${problem}`;
}

/** A hop as messages name it: `ops@bastion.example.net:22`, `ops@[::1]:2222`. */
export function hopLabel(hop: JumpHop): string {
  return `${hop.user}@${hop.host.includes(':') ? `[${hop.host}]` : hop.host}:${hop.port}`;
}

/**
 * The jump route a phone's layers give (the first layer setting `jump` wins;
 * its credentials likewise), or null when the phone is reached directly.
 * Credentials: `jump_identity_file` (with `jump_passphrase_env`), else
 * `jump_password_env`/`_file`, else the SSH agent of `SSH_AUTH_SOCK`, as
 * OpenSSH does. Problems go to `problems`; undefined then.
 */
export async function resolveJumpRoute(
  pick: <K extends keyof SettingsLayer>(name: K) => SettingsLayer[K],
  context: SecretContext,
  problems: InventoryProblem[],
): Promise<JumpRoute | null | undefined> {
  const jump = pick('jump');
  if (jump === undefined) return null;
  const auth = await jumpAuth(pick, context, jump, problems);
  return auth === undefined ? undefined : { hops: jump.value, auth };
}

async function jumpAuth(
  pick: <K extends keyof SettingsLayer>(name: K) => SettingsLayer[K],
  context: SecretContext,
  jump: Setting<readonly JumpHop[]>,
  problems: InventoryProblem[],
): Promise<JumpAuth | undefined> {
  const identity = pick('jumpIdentityFile');
  if (identity !== undefined) {
    const read = await context.readSecretFile(identity.value);
    if ('error' in read) {
      problems.push({ ...identity.origin, message: read.error });
      return undefined;
    }
    const phrase = pick('jumpPassphrase');
    const passphrase = phrase === undefined ? null : await readSecret(phrase, context);
    if (passphrase !== null && !(passphrase instanceof Secret)) {
      problems.push(passphrase);
      return undefined;
    }
    return { kind: 'key', privateKey: new Secret(read.text), passphrase };
  }
  const password = pick('jumpPassword');
  if (password !== undefined) {
    const secret = await readSecret(password, context);
    if (secret instanceof Secret) return { kind: 'password', password: secret };
    problems.push(secret);
    return undefined;
  }
  const socket = context.env.SSH_AUTH_SOCK;
  if (socket !== undefined && socket !== '') return { kind: 'agent', socket };
  problems.push({
    ...jump.origin,
    message: 'no jump_identity_file, jump_password_env or jump_password_file, and no SSH agent (SSH_AUTH_SOCK unset)',
  });
  return undefined;
}
