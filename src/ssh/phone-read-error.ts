import type { ErrorKind } from '../report/report-document.js';

/** Why one phone could not be read: the report's `error.kind` and a message naming the phase. */
export class PhoneReadError extends Error {
  override readonly name = 'PhoneReadError';

  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** What the phone had sent of `show unreg` when the session was cut short. */
    readonly partialOutput: string | null = null,
  ) {
    super(message);
  }
}

/** Kinds worth another attempt: the phone or the path may be back a moment later. */
export const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['refused', 'unreachable', 'timeout', 'disconnected']);

const KIND_BY_ERRNO: Readonly<Record<string, ErrorKind>> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'disconnected',
  EPIPE: 'disconnected',
};

const TEXT_BY_ERRNO: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the name does not resolve (DNS)',
  EAI_AGAIN: 'DNS did not answer',
  ECONNREFUSED: 'connection refused: SSH off on the phone (Product Specific Configuration "SSH Access") or a firewall',
  EHOSTUNREACH: 'no route to the phone',
  ENETUNREACH: 'no route to the phone network',
  ETIMEDOUT: 'TCP connect timed out',
  ECONNRESET: 'the phone reset the connection',
};

/**
 * A session that hangs up or goes silent once `secret` has gone out may be
 * the phone refusing it (some close instead of saying no): reported as
 * `kind`, which is never retried, rather than risk sending a wrong password
 * again. Any other error is given back as it is.
 */
export function refusalAfter(error: unknown, kind: 'ssh-auth' | 'shell-login', secret: string): unknown {
  if (!(error instanceof PhoneReadError) || (error.kind !== 'timeout' && error.kind !== 'disconnected')) return error;
  return new PhoneReadError(kind, `${error.message}, after the ${secret} was sent: taken as refused, not retried`);
}

/** A socket-level error (ssh2 level client-socket or client-dns) as a report error. */
export function socketError(error: NodeJS.ErrnoException, phase: string): PhoneReadError {
  const code = error.code ?? '';
  const kind = KIND_BY_ERRNO[code] ?? 'disconnected';
  return new PhoneReadError(kind, `${TEXT_BY_ERRNO[code] ?? error.message} (${phase})`);
}
