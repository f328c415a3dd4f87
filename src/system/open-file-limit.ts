import { readFileSync } from 'node:fs';

/**
 * The soft limit on open files of this process, or null where it cannot be
 * read (not Linux). Node raises the soft limit to the hard one at start-up,
 * so this is usually `ulimit -Hn` of the shell that started it.
 */
export function openFileLimit(): number | null {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
    if (match === null) return null;
    return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return null;
  }
}
