import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CLI_PATH } from './paths.js';

export const CUCM_PASSWORD = 'cucm-test-password';
/** A RisPort70 "minute" of 1.5 s: pacing and back-off run 40 times faster than in the field. */
export const FAST_MINUTE = { UNREG_CUCM_MINUTE_MS: '1500' };
export const PHONE_PASSWORDS = { UNREG_SSH_PASSWORD: 'ssh-test-password', UNREG_DEBUG_PASSWORD: 'debug-test-password' };

export interface CucmReady {
  readonly inventory: string;
  readonly truth: string;
  readonly cucm: { host: string; port: number; username: string; cacert: string; truth: string };
}

export interface RunningSimulator {
  readonly ready: CucmReady;
  /** The flags that reach its CUCM, trusting its certificate, password from a file. */
  readonly flags: string[];
  /** Stops it; resolves with its stats line (null when its folder is gone already). */
  stop(): Promise<{ cucm: { requests: number; rateRefusals: number; truncated: number; axlRequests: number } } | null>;
}

/** `unreg simulate --cucm --out FOLDER ARGS` as a child process, ready. */
export async function startSimulatedCucm(folder: string, args: string[]): Promise<RunningSimulator> {
  const statsFile = join(folder, 'stats.json');
  const passwordFile = join(folder, 'cucm-password');
  await mkdir(folder, { recursive: true });
  await writeFile(passwordFile, `${CUCM_PASSWORD}\n`, { mode: 0o600 });
  const child = spawn(
    process.execPath,
    [CLI_PATH, 'simulate', '--cucm', '--out', folder, '--stats-file', statsFile, ...args],
    {
      env: { PATH: process.env.PATH, ...PHONE_PASSWORDS, ...FAST_MINUTE, UNREG_CUCM_PASSWORD: CUCM_PASSWORD },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = once(child, 'exit');
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    exited.then(() => Promise.reject(new Error('unreg simulate exited before its ready line'))),
  ])) as [string];
  const ready = JSON.parse(line) as CucmReady;
  const { host, port, username, cacert } = ready.cucm;
  return {
    ready,
    flags: [host, '--port', String(port), '--username', username, '--password-file', passwordFile, '--cacert', cacert],
    async stop() {
      child.kill('SIGTERM');
      await exited;
      const stats = await readFile(statsFile, 'utf8').catch(() => null);
      return stats === null ? null : JSON.parse(stats);
    },
  };
}
