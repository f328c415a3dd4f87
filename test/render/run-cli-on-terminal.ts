import { execFile } from 'node:child_process';
import { CLI_PATH } from '../helpers/paths.js';
import type { CliRun } from '../helpers/run-cli.js';

/**
 * Runs the built CLI with its stdout on a pseudo-terminal, as a person at a
 * terminal would: util-linux `script` gives the child a pty and copies what
 * it prints (line ends come back as CRLF, as a terminal sends them; they are
 * given back as LF).
 */
export function runCliOnTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
  return new Promise((resolve) => {
    const child = execFile(
      'script',
      ['--quiet', '--return', '--command', command, '/dev/null'],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: unknown; signal?: NodeJS.Signals | null }) | null;
        const status = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
        resolve({ status, signal: failure?.signal ?? null, stdout: stdout.replaceAll('\r\n', '\n'), stderr });
      },
    );
    child.stdin?.end();
  });
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
