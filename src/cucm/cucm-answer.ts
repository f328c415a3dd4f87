// What every CUCM answer is checked for before its content is read: a refused
// login, then a fault or a page that is not SOAP, whatever the HTTP status
// (a fault comes with 500, an error page with anything).
import { CucmError } from './cucm-error.js';
import type { HttpAnswer } from './cucm-https.js';
import { readSoapAnswer, type SoapAnswer } from './soap-answer.js';

export const ROLES = 'Standard AXL API Access and Standard RealtimeAndTraceCollection';

/** The answer read as SOAP; a refused login (401, 403) is the user's to fix (a usage CucmError: exit 2). */
export function readCucmAnswer(api: string, username: string, answer: HttpAnswer): SoapAnswer {
  if (answer.status === 401) {
    throw new CucmError(
      `${api}: CUCM refused the login of ${username} (HTTP 401): check the password, and that the application user has the roles ${ROLES}`,
      'usage',
    );
  }
  if (answer.status === 403) {
    throw new CucmError(
      `${api}: CUCM does not let ${username} use this API (HTTP 403): give the application user the roles ${ROLES}`,
      'usage',
    );
  }
  return readSoapAnswer(answer.text);
}

/** One line for an answer that is neither the expected content nor a known fault. */
export function unexpected(api: string, answer: HttpAnswer, read: SoapAnswer): string {
  if (read.kind === 'fault') return `${api}: CUCM answered with a fault: ${read.message || read.code}`;
  if (read.kind === 'not-soap')
    return `${api}: CUCM answered HTTP ${answer.status} with a page that is not SOAP: ${read.summary}`;
  return `${api}: CUCM's answer (HTTP ${answer.status}) has no result where the schema puts it`;
}
