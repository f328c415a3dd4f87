import { createHmac } from 'node:crypto';
import type { HostKey } from './host-key.js';

/**
 * The lines of an OpenSSH known_hosts file that name hosts and keys.
 * Comments, blank lines and marker lines (@cert-authority, @revoked) are not
 * used: phones present plain host keys.
 */
export interface KnownHostEntry {
  /** The host field as written: `host`, `[host]:port`, comma lists, or `|1|salt|hash`. */
  readonly hosts: string;
  readonly key: HostKey;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const [hosts, type, base64] = fields;
    if (hosts === undefined || type === undefined || base64 === undefined) continue;
    if (hosts.startsWith('#') || hosts.startsWith('@')) continue;
    entries.push({ hosts, key: { type, base64 } });
  }
  return entries;
}

/** How OpenSSH names a host in known_hosts: the port appears only when it is not 22. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function formatKnownHostLine(host: string, port: number, key: HostKey): string {
  return `${knownHostName(host, port)} ${key.type} ${key.base64}\n`;
}

/** Whether an entry's host field names this host (plain, comma list, or hashed). */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) return hashedMatches(entry.hosts, name);
  return entry.hosts.split(',').some((pattern) => pattern === name);
}

// `|1|salt|hash`: HMAC-SHA1 of the name keyed with the salt (HashKnownHosts).
function hashedMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (salt === undefined || hash === undefined) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

/**
 * The file's text without the lines that name `name` (what `ssh-keygen -R`
 * does), and how many went. Other lines, comments included, stay as they are.
 */
export function removeHost(text: string, name: string): { text: string; removed: number } {
  let removed = 0;
  const kept = text.split(/(?<=\n)/).filter((line) => {
    const [entry] = parseKnownHosts(line);
    const names = entry !== undefined && entryMatches(entry, name);
    if (names) removed += 1;
    return !names;
  });
  return { text: kept.join(''), removed };
}
