// The simulated AXL: listPhone only, with CUCM's refusals: an unsupported
// version (HTTP 599, an HTML page) and a page too large (a fault suggesting a
// smaller row count). Pure but for the request counter.
import { XMLParser } from 'fast-xml-parser';
import { xmlEscape } from '../../cucm/soap-requests.js';
import type { CucmDevice } from './cucm-directory.js';
import { type SimulatedAnswer, soapAnswer, soapFault, tomcatPage } from './soap-pages.js';

export const SUPPORTED_AXL_VERSIONS = ['12.0', '12.5', '14.0', '15.0'];
const SUPPORTED_TEXT = '12.x, 14.0 and 15.0';
const RETURNABLE = ['name', 'description', 'model', 'devicePoolName'] as const;

export interface AxlServiceOptions {
  /** Rows above this make a page "too large" (CUCM: 8 MB of answer). */
  readonly rowLimit: number;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });

export class AxlService {
  readonly #devices: readonly CucmDevice[];
  readonly #options: AxlServiceOptions;
  #tooLarge = 0;

  constructor(devices: readonly CucmDevice[], options: AxlServiceOptions) {
    this.#devices = [...devices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.#options = options;
  }

  answer(soapAction: string | undefined, body: string): SimulatedAnswer {
    const version = /ver=(\d+\.\d+)/.exec(soapAction ?? '')?.[1];
    if (version === undefined || !SUPPORTED_AXL_VERSIONS.includes(version)) {
      const message = `Incorrect axl version. Supported axl versions are ${SUPPORTED_TEXT}`;
      return tomcatPage(599, message, message);
    }
    const request = parser.parse(body)?.Envelope?.Body?.listPhone;
    if (request === undefined) return soapFault('soapenv:Client', 'Only listPhone is simulated');
    const pattern = likePattern(String(request.searchCriteria?.name ?? '%'));
    const matched = this.#devices.filter((device) => pattern.test(device.name));
    const skip = Number(request.skip ?? 0) || 0;
    const first = request.first === undefined ? matched.length : Number(request.first);
    const rows = Math.min(first, Math.max(0, matched.length - skip));
    if (rows > this.#options.rowLimit) return this.#pageTooLarge(matched.length);
    const tags = RETURNABLE.filter((tag) => request.returnedTags?.[tag] !== undefined);
    const phones = matched
      .slice(skip, skip + rows)
      .map((device) => phoneXml(device, tags.length > 0 ? tags : RETURNABLE));
    return soapAnswer(
      `<ns:listPhoneResponse xmlns:ns="http://www.cisco.com/AXL/API/${version}"><return>${phones.join('')}</return></ns:listPhoneResponse>`,
    );
  }

  // The AXL guide's fault; the second spelling is the throttling page's.
  #pageTooLarge(matched: number): SimulatedAnswer {
    const fetch = this.#tooLarge++ % 2 === 0 ? 'Suggestive Row Fetch' : 'Suggested row fetch';
    const message = `Query request too large. Total rows matched: ${matched} rows. ${fetch}: less than ${this.#options.rowLimit + 1} rows`;
    return soapFault(
      'soapenv:Server',
      message,
      `<axlError><axlcode>-1</axlcode><axlmessage>${xmlEscape(message)}</axlmessage><request>listPhone</request></axlError>`,
    );
  }
}

/** SQL LIKE: % any run, _ one character; case-insensitive as CUCM's names. */
function likePattern(like: string): RegExp {
  const body = [...like]
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

function phoneXml(device: CucmDevice, tags: readonly (typeof RETURNABLE)[number][]): string {
  const uuid = `{${device.name.slice(-8).padStart(8, '0')}-0000-4000-8000-000000000000}`;
  const values: Record<(typeof RETURNABLE)[number], string> = {
    name: `<name>${xmlEscape(device.name)}</name>`,
    description: `<description>${xmlEscape(device.description)}</description>`,
    model: `<model>${xmlEscape(device.model)}</model>`,
    devicePoolName: `<devicePoolName uuid="{00000000-0000-4000-8000-0000000000D1}">${xmlEscape(device.devicePool)}</devicePoolName>`,
  };
  return `<phone uuid="${uuid}">${tags.map((tag) => values[tag]).join('')}</phone>`;
}
