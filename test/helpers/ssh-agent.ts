import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { endProcesses } from './process-tree.js';
import { waitUntil } from './wait-until.js';

const run = promisify(execFile);

export interface SshAgent {
  /** The agent's socket: what `SSH_AUTH_SOCK` names. */
  readonly socket: string;
  /** `ssh-add FILE`: the agent holds that private key from now on. */
  add(identityFile: string): Promise<void>;
  /** Ends the agent and removes its folder. */
  close(): Promise<void>;
}

/**
 * OpenSSH's own `ssh-agent` (Debian's openssh-client) as a child of the
 * test, in the foreground (`-D`) on a socket in a private folder, holding no
 * key until `add`.
 */
export async function startSshAgent(): Promise<SshAgent> {
  const folder = await mkdtemp(join(tmpdir(), 'unreg-ssh-agent-'));
  const socket = join(folder, 'agent.sock');
  const child: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  const close = async () => {
    if (child.pid !== undefined) await endProcesses([child.pid]);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => existsSync(socket), `ssh-agent listening on ${socket}`);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    socket,
    async add(identityFile) {
      await run('ssh-add', ['-q', identityFile], { env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket } });
    },
    close,
  };
}
