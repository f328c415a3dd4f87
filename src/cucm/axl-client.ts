// AXL listPhone, page by page: every phone named SEP..., however many.
import { type AxlPhone, readListPhone, suggestedRowFetch, supportedAxlVersions } from './axl-answers.js';
import { readCucmAnswer, unexpected } from './cucm-answer.js';
import { CucmError } from './cucm-error.js';
import type { SoapClient } from './cucm-https.js';
import { AXL_MAX_PAGE, AXL_PATH, listPhoneRequest } from './soap-requests.js';

export interface AxlListing {
  readonly phones: AxlPhone[];
  /** How many requests it took. */
  readonly requests: number;
}

/**
 * Pages through listPhone with skip/first. A page CUCM finds too large (over
 * its 8 MB) comes back as a fault suggesting a row count: the same page is
 * asked again that small, and the next ones too.
 */
export async function listAxlPhones(
  client: SoapClient,
  options: { version: string; username: string; note: (line: string) => void },
): Promise<AxlListing> {
  const phones: AxlPhone[] = [];
  let first = AXL_MAX_PAGE;
  let requests = 0;
  for (let skip = 0; ; ) {
    const answer = await client.post(AXL_PATH, listPhoneRequest(options.version, skip, first));
    requests++;
    const read = readCucmAnswer('AXL', options.username, answer);
    // Only a page that is not the answer: a description may say anything.
    const versions = read.kind === 'body' ? null : supportedAxlVersions(answer.text);
    if (versions !== null) {
      throw new CucmError(
        `AXL: CUCM does not serve AXL version ${options.version}` +
          (versions === '' ? '' : ` (it serves ${versions}): run again with --axl-version ${newest(versions)}`),
      );
    }
    const smaller = read.kind === 'fault' ? suggestedRowFetch(read.message) : null;
    if (smaller !== null) {
      const page = Math.min(first - 1, smaller - 1);
      if (page < 1) throw new CucmError(`AXL: ${read.kind === 'fault' ? read.message : ''}`);
      options.note(`AXL: CUCM found a page of ${first} phones too large; asking ${page} at a time`);
      first = page;
      continue;
    }
    const page = read.kind === 'body' ? readListPhone(read.body) : null;
    if (page === null) throw new CucmError(unexpected('AXL listPhone', answer, read));
    phones.push(...page);
    if (page.length < first) return { phones, requests };
    skip += page.length;
  }
}

/** The newest of "12.x, 14.0 and 15.0". */
function newest(versions: string): string {
  const named = versions.match(/\d+\.(?:\d+|x)/gi) ?? [];
  const key = (version: string) => version.split('.').map((part) => (part.toLowerCase() === 'x' ? 0 : Number(part)));
  const sorted = [...named].sort((a, b) => {
    const [majorA = 0, minorA = 0] = key(a);
    const [majorB = 0, minorB = 0] = key(b);
    return majorB - majorA || minorB - minorA;
  });
  return sorted[0] ?? versions;
}
