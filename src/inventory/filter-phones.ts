import { globToRegExp } from './host-glob.js';
import type { PhoneTarget } from './phone-target.js';

/**
 * `--site`, `--tag` and `--host GLOB`. Each may be given several times: a
 * phone then matches any of that filter's values. Different filters combine
 * with AND. Site and tag match exactly; the host glob ignores case.
 */
export interface PhoneFilter {
  readonly site?: string | readonly string[];
  readonly tag?: string | readonly string[];
  readonly host?: string | readonly string[];
}

export function filterPhones<T extends PhoneTarget>(phones: readonly T[], filter: PhoneFilter): T[] {
  const sites = list(filter.site);
  const tags = list(filter.tag);
  const hosts = list(filter.host).map(globToRegExp);
  return phones.filter(
    (phone) =>
      (sites.length === 0 || (phone.site !== null && sites.includes(phone.site))) &&
      (tags.length === 0 || phone.tags.some((tag) => tags.includes(tag))) &&
      (hosts.length === 0 || hosts.some((glob) => glob.test(phone.host))),
  );
}

function list(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
