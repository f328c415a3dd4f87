import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The living processes whose parent chain leads to `root` (itself
 * excluded), read from /proc. sshd's per-connection processes start new
 * sessions (setsid), so a process group would not reach them; the parent
 * chain does.
 */
export async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await processStat(Number(entry));
    if (stat === null || stat.state === 'Z') continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const next = children.get(queue.shift() ?? 0) ?? [];
    found.push(...next);
    queue = queue.concat(next);
  }
  return found;
}

/**
 * Ends `pids` by id: SIGTERM, then SIGKILL for any still alive after
 * `graceMs`. Resolves once none is left (zombies count as gone: whoever
 * adopted them reaps them).
 */
export async function endProcesses(pids: readonly number[], graceMs = 2000): Promise<void> {
  signal(pids, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  let left = await alive(pids);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(20);
    left = await alive(left);
  }
  signal(left, 'SIGKILL');
  while (left.length > 0) {
    await sleep(20);
    left = await alive(left);
  }
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

async function alive(pids: readonly number[]): Promise<number[]> {
  const states = await Promise.all(pids.map(processStat));
  return pids.filter((_, at) => {
    const stat = states[at];
    return stat !== null && stat !== undefined && stat.state !== 'Z';
  });
}

async function processStat(pid: number): Promise<{ state: string; ppid: number } | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
  const [state = '', ppid = '0'] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state, ppid: Number(ppid) };
}
