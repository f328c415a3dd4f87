import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fingerprint, type HostKey } from './host-key.js';
import {
  entryMatches,
  formatKnownHostLine,
  hasPatterns,
  type KnownHostEntry,
  knownHostName,
  parseKnownHosts,
} from './known-hosts.js';

/** OpenSSH's StrictHostKeyChecking vocabulary. */
export const HOST_KEY_CHECKS = ['accept-new', 'strict', 'off'] as const;
export type HostKeyCheck = (typeof HOST_KEY_CHECKS)[number];

export type HostKeyVerdict = { readonly accepted: true } | { readonly accepted: false; readonly reason: string };

/**
 * The known-hosts file of a run: read once, consulted for every phone,
 * appended to (in the background, in batches) when `accept-new`
 * meets a phone for the first time.
 */
export class KnownHostsStore {
  /** Plain names, looked up at once; a fleet's file holds one line per phone. */
  private readonly byName = new Map<string, HostKey[]>();
  /** Hashed names and patterns: matched one by one (a few lines in practice). */
  private readonly matched: KnownHostEntry[] = [];
  private readonly revoked: KnownHostEntry[] = [];
  private appending: Promise<void> = Promise.resolve();
  private unwritten: string[] = [];
  private appendError: Error | null = null;
  /** Its folder is made before the first append only: one system call fewer per batch. */
  private folderMade = false;

  private constructor(
    readonly path: string,
    readonly check: HostKeyCheck,
    entries: KnownHostEntry[],
  ) {
    for (const entry of entries) {
      if (entry.revoked) this.revoked.push(entry);
      else if (entry.hosts.startsWith('|') || hasPatterns(entry.hosts)) this.matched.push(entry);
      else for (const name of entry.hosts.split(',')) this.keysOf(name.toLowerCase()).push(entry.key);
    }
  }

  /** Opens the file; a file that does not exist yet holds no keys. */
  static async open(path: string, check: HostKeyCheck): Promise<KnownHostsStore> {
    const text = check === 'off' ? '' : await readFile(path, 'utf8').catch(ifMissing(''));
    return new KnownHostsStore(path, check, parseKnownHosts(text));
  }

  verify(host: string, port: number, key: HostKey): HostKeyVerdict {
    if (this.check === 'off') return { accepted: true };
    const name = knownHostName(host, port);
    if (this.revoked.some((entry) => sameKey(entry.key, key) && entryMatches(entry, name))) {
      return {
        accepted: false,
        reason: `the ${key.type} key ${fingerprint(key)} of ${name} is @revoked in ${this.path}`,
      };
    }
    const matching = this.matched.filter((entry) => entryMatches(entry, name));
    const known = [...(this.byName.get(name) ?? []), ...matching.map((entry) => entry.key)];
    if (known.some((k) => sameKey(k, key))) return { accepted: true };
    if (known.length > 0) {
      const patterns = matching.filter((entry) => hasPatterns(entry.hosts)).map((entry) => entry.hosts);
      return { accepted: false, reason: changedKeyMessage(name, known, key, this.path, patterns) };
    }
    if (this.check === 'strict') {
      return {
        accepted: false,
        reason: `${name} is not in ${this.path} (--host-key-check strict); its ${key.type} key is ${fingerprint(key)}`,
      };
    }
    this.record(host, port, key);
    return { accepted: true };
  }

  /** Waits for recorded keys to reach the file; gives the error if one could not be written. */
  async flush(): Promise<Error | null> {
    await this.appending;
    return this.appendError;
  }

  private record(host: string, port: number, key: HostKey): void {
    this.keysOf(knownHostName(host, port)).push(key);
    // Lines met in the same moment go out in one append: a first sweep of a
    // large fleet records thousands of keys.
    this.unwritten.push(formatKnownHostLine(host, port, key));
    if (this.unwritten.length === 1) this.appending = this.appending.then(() => this.appendUnwritten());
  }

  private async appendUnwritten(): Promise<void> {
    const lines = this.unwritten.join('');
    this.unwritten = [];
    try {
      if (!this.folderMade) await mkdir(dirname(this.path), { recursive: true });
      this.folderMade = true;
      await appendFile(this.path, lines, { mode: 0o600 });
    } catch (error) {
      this.appendError ??= error as Error;
    }
  }

  private keysOf(name: string): HostKey[] {
    let keys = this.byName.get(name);
    if (keys === undefined) {
      keys = [];
      this.byName.set(name, keys);
    }
    return keys;
  }
}

function sameKey(a: HostKey, b: HostKey): boolean {
  return a.type === b.type && a.base64 === b.base64;
}

function changedKeyMessage(
  name: string,
  known: HostKey[],
  presented: HostKey,
  path: string,
  patterns: readonly string[],
): string {
  const knownText = known.map((key) => `${key.type} ${fingerprint(key)}`).join(', ');
  // forget-host removes the lines that name the phone, never a pattern line
  // that may stand for many phones.
  const fix =
    patterns.length > 0
      ? `edit the line for ${patterns.join(', ')} in ${path}`
      : `forget the old key: unreg forget-host ${name} --known-hosts ${path}`;
  return (
    `host key of ${name} changed: known ${knownText}, presented ${presented.type} ${fingerprint(presented)}; ` +
    `if the phone was re-imaged, ${fix}`
  );
}

function ifMissing<T>(fallback: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}
