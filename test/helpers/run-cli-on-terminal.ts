import { spawn } from 'node:child_process';
import { CLI_PATH } from './paths.js';
import type { CliRun } from './run-cli.js';

/** Text typed at the terminal once the output shows `after`, as a person answers a prompt. */
export interface TypedAnswer {
  readonly after: RegExp;
  readonly text: string;
}

/**
 * Runs the built CLI with its stdout on a pseudo-terminal, as a person at a
 * terminal would: util-linux `script` gives the child a pty and copies what
 * it prints (line ends come back as CRLF, as a terminal sends them; they are
 * given back as LF). With `columns`, the terminal is that wide (stty, as a
 * resized window); without, it is as wide as `script` makes it.
 */
export function runCliOnTerminal(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  answer?: TypedAnswer,
  columns?: number,
): Promise<CliRun> {
  const cli = [process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ');
  const command = columns === undefined ? cli : `stty cols ${columns} rows 50 && exec ${cli}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...env },
    });
    let stdout = '';
    let stderr = '';
    let answered = answer === undefined;
    // Decoded as a stream: a character split between two reads stays whole.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!answered && answer?.after.test(stdout)) {
        answered = true;
        child.stdin.write(answer.text);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout: stdout.replaceAll('\r\n', '\n'), stderr }));
    if (answered) child.stdin.end();
  });
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
