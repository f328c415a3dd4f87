/**
 * CUCM answered with an error (a fault, a page that is not SOAP, a refused
 * version) or could not be reached: one line on stderr, exit 1, no file.
 * `usage` marks what the user must fix on their side (credentials, trust,
 * the template): exit 2.
 */
export class CucmError extends Error {
  override readonly name = 'CucmError';
  readonly usage: boolean;

  constructor(message: string, kind: 'cucm' | 'usage' = 'cucm') {
    super(message);
    this.usage = kind === 'usage';
  }
}
