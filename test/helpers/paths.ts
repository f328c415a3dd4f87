import { fileURLToPath } from 'node:url';

// Tests run compiled, from dist/test/...: the repository is three folders up.
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_PATH = fileURLToPath(new URL('../../bin/unreg.js', import.meta.url));

/** A file under test/fixtures/. */
export function fixturePath(...parts: string[]): string {
  return `${REPO_ROOT}test/fixtures/${parts.join('/')}`;
}
