import type { InventoryProblem } from './inventory-problem.js';
import { Secret } from './secret.js';
import { passwordProblem, variableNameProblem } from './setting-checks.js';
import type { SecretSource, Setting } from './settings.js';

/** Reads a password file: its text, or a one-line reason it cannot be read. */
export type SecretReader = (path: string) => Promise<{ text: string } | { error: string }>;

export interface SecretContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readSecretFile: SecretReader;
}

/** The password a source gives, or the problem, at the source's origin. Never quotes the value. */
export async function readSecret(
  setting: Setting<SecretSource>,
  context: SecretContext,
): Promise<Secret | InventoryProblem> {
  const problem = (message: string): InventoryProblem => ({ ...setting.origin, message });
  const source = setting.value;
  let value: string;
  switch (source.kind) {
    case 'literal':
      value = source.value.reveal();
      break;
    case 'env': {
      const badName = variableNameProblem(source.variable);
      if (badName !== null) return problem(badName);
      const fromEnv = context.env[source.variable];
      if (fromEnv === undefined) return problem(`environment variable ${source.variable} is not set`);
      value = fromEnv;
      break;
    }
    case 'file': {
      const read = await context.readSecretFile(source.path);
      if ('error' in read) return problem(read.error);
      value = withoutFinalNewline(read.text);
      break;
    }
  }
  const bad = passwordProblem(value);
  return bad === null ? new Secret(value) : problem(bad);
}

// `echo secret > file` leaves one newline; more than one is the user's intent.
function withoutFinalNewline(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
