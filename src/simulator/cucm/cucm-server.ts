// The simulated CUCM on loopback HTTPS: AXL at /axl/, RisPort70 at
// /realtimeservice2/services/RISService70, HTTP Basic on both (a refused
// login gets Tomcat's 401 page, HTML).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AXL_PATH, RISPORT_PATH } from '../../cucm/soap-requests.js';
import { AxlService } from './axl-service.js';
import type { CucmCertificate } from './cucm-certificate.js';
import type { CucmDevice } from './cucm-directory.js';
import { RisportService, type RisportStats } from './risport-service.js';
import { type SimulatedAnswer, tomcatPage } from './soap-pages.js';

export interface CucmServerOptions {
  readonly devices: readonly CucmDevice[];
  readonly certificate: CucmCertificate;
  readonly username: string;
  readonly password: string;
  /** 0: a free one. */
  readonly port: number;
  /** AXL rows a page may hold before it is "too large". */
  readonly rowLimit: number;
  readonly risportAllowance: number;
  readonly risportUsedByOthers: number;
  readonly risportCeiling: number;
  readonly minuteMs: number;
  /** Every request answered 503 with an HTML page, as while CUCM's services start. */
  readonly unavailable: boolean;
}

export interface CucmStats extends RisportStats {
  axlRequests: number;
  unauthorized: number;
}

export const CUCM_HOST = '127.0.0.1';
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export class SimulatedCucm {
  readonly #server: Server;
  readonly #options: CucmServerOptions;
  readonly #axl: AxlService;
  readonly #risport: RisportService;
  #axlRequests = 0;
  #unauthorized = 0;

  constructor(options: CucmServerOptions) {
    this.#options = options;
    this.#axl = new AxlService(options.devices, { rowLimit: options.rowLimit });
    this.#risport = new RisportService(options.devices, {
      allowance: options.risportAllowance,
      usedByOthers: options.risportUsedByOthers,
      ceiling: options.risportCeiling,
      minuteMs: options.minuteMs,
    });
    this.#server = createServer({ cert: options.certificate.cert, key: options.certificate.key }, (req, res) =>
      this.#serve(req, res),
    );
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, CUCM_HOST, () => resolve());
    });
    return (this.#server.address() as AddressInfo).port;
  }

  stats(): CucmStats {
    return { axlRequests: this.#axlRequests, unauthorized: this.#unauthorized, ...this.#risport.stats };
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #serve(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', () => send(res, this.#answer(req, Buffer.concat(chunks).toString('utf8'))));
  }

  #answer(req: IncomingMessage, body: string): SimulatedAnswer {
    const path = (req.url ?? '').split('?')[0];
    if (!this.#authorized(req.headers.authorization)) {
      this.#unauthorized++;
      return {
        ...tomcatPage(401, 'Unauthorized', 'This request requires HTTP authentication.'),
        headers: { 'WWW-Authenticate': 'Basic realm="Cisco Unified Communications Manager"' },
      };
    }
    if (this.#options.unavailable) {
      return tomcatPage(503, 'Service Unavailable', 'The requested service is not currently available.');
    }
    if (req.method !== 'POST') return tomcatPage(405, 'Method Not Allowed', 'Use POST.');
    const soapAction = req.headers.soapaction as string | undefined;
    if (path === AXL_PATH || path === '/axl') {
      this.#axlRequests++;
      return this.#axl.answer(soapAction, body);
    }
    if (path === RISPORT_PATH) return this.#risport.answer(soapAction, body);
    return tomcatPage(404, 'Not Found', `${path} is not here.`);
  }

  #authorized(header: string | undefined): boolean {
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${this.#options.username}:${this.#options.password}`).toString('base64')}`,
    );
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function send(res: ServerResponse, answer: SimulatedAnswer): void {
  res.writeHead(answer.status, { 'Content-Type': answer.contentType, ...answer.headers });
  res.end(answer.body);
}
