import type { ErrorKind, PhoneEntry } from '../report/report-document.js';
import { entryOf } from './map-entry.js';

/** Many phones of one site or host subnet failing the same way: "site osaka: 40 of 42 phones unreachable". */
export interface FailureGroup {
  readonly scope: 'site' | 'subnet';
  /** The site, or the hosts' /24 (`10.2.2.0/24`). */
  readonly value: string;
  readonly kind: ErrorKind;
  readonly failed: number;
  readonly phones: number;
}

// A kind shared by this many phones of a group, and by at least half of
// its phones, is one cause to look at before the list. An interrupted run's
// `aborted` phones say nothing about the network.
const MIN_FAILED = 3;
const SHARE = 0.5;
const IGNORED: ReadonlySet<ErrorKind> = new Set(['aborted']);

interface Group {
  phones: number;
  readonly failedByKind: Map<ErrorKind, { failed: number; readonly sites: Set<string | null> }>;
}

/**
 * Counts phones and failures per site and per host /24 as phones finish
 * (a few numbers per group, never the entries).
 */
export class FailureTally {
  private readonly groups = { site: new Map<string, Group>(), subnet: new Map<string, Group>() };

  add(entry: PhoneEntry): void {
    const subnet = hostSubnet(entry.host);
    if (entry.site !== null) this.count('site', entry.site, entry);
    if (subnet !== null) this.count('subnet', subnet, entry);
  }

  /**
   * The groups worth a line, sites first, most failures first. A subnet
   * whose failing phones all belong to a site already named for the same
   * kind adds nothing and is left out.
   */
  groupsFound(): FailureGroup[] {
    const sites = this.found('site');
    const named = new Set(sites.map((group) => `${group.value}\u0000${group.kind}`));
    const subnets = this.found('subnet').filter((group) => {
      const failing = this.groups.subnet.get(group.value)?.failedByKind.get(group.kind)?.sites ?? new Set();
      return ![...failing].every((site) => site !== null && named.has(`${site}\u0000${group.kind}`));
    });
    return [...sites, ...subnets];
  }

  private found(scope: 'site' | 'subnet'): FailureGroup[] {
    const found: FailureGroup[] = [];
    for (const [value, group] of this.groups[scope]) {
      for (const [kind, { failed }] of group.failedByKind) {
        if (failed >= MIN_FAILED && failed >= SHARE * group.phones) {
          found.push({ scope, value, kind, failed, phones: group.phones });
        }
      }
    }
    return found.sort((a, b) => b.failed - a.failed || a.value.localeCompare(b.value));
  }

  private count(scope: 'site' | 'subnet', value: string, entry: PhoneEntry): void {
    const group = entryOf(this.groups[scope], value, () => ({ phones: 0, failedByKind: new Map() }));
    group.phones += 1;
    const kind = entry.error?.kind;
    if (kind === undefined || IGNORED.has(kind)) return;
    const tally = entryOf(group.failedByKind, kind, () => ({ failed: 0, sites: new Set<string | null>() }));
    tally.failed += 1;
    tally.sites.add(entry.site);
  }
}

/** An IPv4 host's /24 (`10.2.2.0/24`); null for a name or an IPv6 address. */
export function hostSubnet(host: string): string | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (match === null || match.slice(1).some((octet) => Number(octet) > 255)) return null;
  return `${match[1]}.${match[2]}.${match[3]}.0/24`;
}
