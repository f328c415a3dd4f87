import { spawn } from 'node:child_process';
import { CLI_PATH } from '../helpers/paths.js';
import type { CliRun } from '../helpers/run-cli.js';

/**
 * Runs the built CLI with its stdout on a pseudo-terminal, as a person at a
 * terminal would: util-linux `script` gives the child a pty and copies what
 * it prints (line ends come back as CRLF, as a terminal receives them).
 */
export function runCliOnTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const command = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({
        status,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8').replaceAll('\r\n', '\n'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end();
  });
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
