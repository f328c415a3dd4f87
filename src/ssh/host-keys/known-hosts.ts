import { createHmac } from 'node:crypto';
import type { HostKey } from './host-key.js';

/**
 * The lines of an OpenSSH known_hosts file that name hosts and keys.
 * Comments, blank lines and @cert-authority lines are not used: phones
 * present plain host keys. A @revoked line's key must never be accepted.
 */
export interface KnownHostEntry {
  /** The host field as written: `host`, `[host]:port`, patterns, comma lists, or `|1|salt|hash`. */
  readonly hosts: string;
  readonly key: HostKey;
  readonly revoked: boolean;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const revoked = fields[0] === '@revoked';
    const [hosts, type, base64] = revoked ? fields.slice(1) : fields;
    if (hosts === undefined || type === undefined || base64 === undefined) continue;
    if (hosts.startsWith('#') || hosts.startsWith('@')) continue;
    entries.push({ hosts, key: { type, base64 }, revoked });
  }
  return entries;
}

/**
 * How OpenSSH names a host in known_hosts: lower case, and the port only
 * when it is not 22.
 */
export function knownHostName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

export function formatKnownHostLine(host: string, port: number, key: HostKey): string {
  return `${knownHostName(host, port)} ${key.type} ${key.base64}\n`;
}

/** Whether a host field holds OpenSSH patterns (`*`, `?`, `!negated`) rather than names only. */
export function hasPatterns(hosts: string): boolean {
  return !hosts.startsWith('|') && /[*?!]/.test(hosts);
}

/**
 * Whether an entry applies to this host name, as OpenSSH reads it: a hashed
 * name, or a comma list of names and patterns (`*` any run of characters,
 * `?` one), any of which may match unless a negated one (`!pattern`) does.
 * Case does not matter.
 */
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) return hashedMatches(entry.hosts, name);
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    const negated = pattern.startsWith('!');
    if (!patternMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** Whether an entry names this host itself (plain or hashed): what `ssh-keygen -R` removes, less patterns. */
function entryNames(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) return hashedMatches(entry.hosts, name);
  return entry.hosts.split(',').some((host) => host.toLowerCase() === name.toLowerCase());
}

function patternMatches(pattern: string, name: string): boolean {
  const source = [...pattern.toLowerCase()]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(name.toLowerCase());
}

// `|1|salt|hash`: HMAC-SHA1 of the name keyed with the salt (HashKnownHosts).
function hashedMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (salt === undefined || hash === undefined) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name.toLowerCase()).digest('base64') === hash;
}

/**
 * The file's text without the lines that name `name` (what `ssh-keygen -R`
 * does), and how many went. Pattern lines, which may name many phones, and
 * @revoked lines stay, as do comments and every other line.
 */
export function removeHost(text: string, name: string): { text: string; removed: number } {
  let removed = 0;
  const kept = text.split(/(?<=\n)/).filter((line) => {
    const [entry] = parseKnownHosts(line);
    const names = entry !== undefined && !entry.revoked && !hasPatterns(entry.hosts) && entryNames(entry, name);
    if (names) removed += 1;
    return !names;
  });
  return { text: kept.join(''), removed };
}
