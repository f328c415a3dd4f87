// SOAP over HTTPS to one CUCM node, with HTTP Basic: Node's own https, one
// kept-alive connection for the run.
import { Agent, request } from 'node:https';
import { isIP } from 'node:net';
import type { Secret } from '../inventory/secret.js';
import { CucmError } from './cucm-error.js';
import type { SoapRequest } from './soap-requests.js';

export interface CucmEndpoint {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: Secret;
  /** PEM certificates to trust (--cacert), or null for the system's. */
  readonly ca: string | null;
  /** --insecure: no certificate check. */
  readonly insecure: boolean;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

/** AXL and RisPort70 answers take seconds on a busy publisher; a silent minute is a dead one. */
const IDLE_TIMEOUT_MS = 120_000;
/** A sane bound on one answer (a 1000-phone page is a few MB). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export interface SoapClient {
  post(path: string, soap: SoapRequest): Promise<HttpAnswer>;
  close(): void;
}

export function soapClient(endpoint: CucmEndpoint): SoapClient {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 1,
    rejectUnauthorized: !endpoint.insecure,
    ...(endpoint.ca === null ? {} : { ca: endpoint.ca }),
    ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}),
  });
  const authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password.reveal()}`).toString('base64')}`;
  return {
    post: (path, soap) => post(endpoint, agent, authorization, path, soap),
    close: () => agent.destroy(),
  };
}

/** An error of a kept-alive connection that CUCM closed as the request went out (Node's docs: reusedSocket). */
class StaleConnection extends Error {}

/** Every request only reads: one that met a connection closed under it is sent again, once. */
async function post(...request: Parameters<typeof postOnce>): Promise<HttpAnswer> {
  try {
    return await postOnce(...request);
  } catch (error) {
    if (!(error instanceof StaleConnection)) throw error;
    return await postOnce(...request);
  }
}

function postOnce(
  endpoint: CucmEndpoint,
  agent: Agent,
  authorization: string,
  path: string,
  soap: SoapRequest,
): Promise<HttpAnswer> {
  const payload = Buffer.from(soap.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          'Content-Length': payload.length,
          SOAPAction: soap.soapAction,
          Authorization: authorization,
          Accept: 'text/xml',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let length = 0;
        res.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > MAX_ANSWER_BYTES) {
            req.destroy(new CucmError(`${where(endpoint)}${path}: the answer is larger than 64 MB`));
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => reject(connectionError(endpoint, path, error)));
      },
    );
    req.setTimeout(IDLE_TIMEOUT_MS, () =>
      req.destroy(new CucmError(`${where(endpoint)}${path}: no answer for ${IDLE_TIMEOUT_MS / 1000} s`)),
    );
    req.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) reject(new StaleConnection(code));
      else reject(connectionError(endpoint, path, error));
    });
    req.end(payload);
  });
}

function where(endpoint: CucmEndpoint): string {
  return `${isIP(endpoint.host) === 6 ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
}

// Certificate errors OpenSSL gives for a certificate nobody vouched for.
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

function connectionError(endpoint: CucmEndpoint, path: string, error: Error): Error {
  if (error instanceof CucmError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const at = where(endpoint);
  const trust = 'trust it with --cacert FILE (its certificate or CA, PEM), or skip the check with --insecure';
  if (UNTRUSTED.has(code)) {
    return new CucmError(`${at}: CUCM's certificate is not trusted (${error.message}): ${trust}`, 'usage');
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new CucmError(
      `${at}: CUCM's certificate does not name ${endpoint.host} (${error.message}): ${trust}`,
      'usage',
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new CucmError(`${at}: CUCM's certificate ${error.message.toLowerCase()}: ${trust}`, 'usage');
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is this a CUCM node, and the port 8443?)',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the name could not be resolved now',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'no route to the host',
    ENETUNREACH: 'the network is unreachable',
    ECONNRESET: 'the connection was reset',
  };
  return new CucmError(`${at}${path}: ${reasons[code] ?? error.message}`);
}
