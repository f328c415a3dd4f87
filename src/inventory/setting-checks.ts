import { isIPv4, isIPv6 } from 'node:net';

// One-line reasons shared by the inventory reader and the command-line
// resolver, so both word the same mistake the same way. null means fine.

export function portProblem(port: number): string | null {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? null : `must be an integer 1-65535, got ${port}`;
}

// RFC 1123 labels; underscores too, which real fleets' DNS names carry.
const DNS_NAME =
  /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

export function hostProblem(host: string): string | null {
  if (host === '') return 'is empty: give an address or DNS name';
  // An IPv6 address has a colon: its long pattern need not run on every name.
  if (isIPv4(host) || (host.includes(':') && isIPv6(host)) || DNS_NAME.test(host)) return null;
  if (/^[^:]+:\d+$/.test(host)) return `${JSON.stringify(host)} is not an address or DNS name: put the port in port:`;
  return `${JSON.stringify(host)} is not an address or DNS name`;
}

/** A user name is sent as is: to SSH, or typed into the debug shell followed by LF. */
export function userNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  // A line break typed into the debug shell would run whatever follows it.
  return hasControlCharacter(name) ? 'must be one line of printable text' : null;
}

/** Never quotes the value: it is a password. */
export function passwordProblem(password: string): string | null {
  return /[\r\n]/.test(password) ? 'the password holds a line break' : null;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function variableNameProblem(name: string): string | null {
  if (VARIABLE_NAME.test(name)) return null;
  if (name.startsWith('$') && VARIABLE_NAME.test(name.replace(/^\$\{?|\}$/g, ''))) {
    return `${JSON.stringify(name)}: write the variable's name without $`;
  }
  return `${JSON.stringify(name)} is not an environment variable name`;
}

function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}
