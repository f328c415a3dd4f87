// AXL's answers to listPhone, and its refusals, read: pure.
import { child, listOf, oneLine, textOf, type XmlElement } from './soap-answer.js';

/** A phone as AXL lists it. */
export interface AxlPhone {
  readonly name: string;
  readonly description: string;
  /** e.g. `Cisco 8845`. */
  readonly model: string;
  readonly devicePool: string;
}

/** The phones of a listPhoneResponse body (`return` is empty when the page is past the end). */
export function readListPhone(body: XmlElement): AxlPhone[] | null {
  const response = child(body, 'listPhoneResponse');
  if (response === null) return null;
  return listOf(child(response, 'return'), 'phone').map((phone) => ({
    name: textOf(phone.name),
    description: textOf(phone.description),
    model: textOf(phone.model),
    devicePool: textOf(phone.devicePoolName),
  }));
}

/**
 * The page size CUCM asks for when an answer would be too large (over 8 MB):
 * "Query request too large. Total rows matched: 2816 rows. Suggestive Row
 * Fetch: less than 844 rows" (the AXL guide; the throttling page spells it
 * "Suggested row fetch"). Null for any other fault.
 */
export function suggestedRowFetch(faultMessage: string): number | null {
  if (!/query request too large/i.test(faultMessage)) return null;
  const less = /sugges\w*\s+row\s+fetch\W*\s*less\s+than\s+(\d+)/i.exec(faultMessage);
  return less === null ? null : Number(less[1]);
}

/**
 * CUCM's refusal of an AXL version it does not serve (an HTML page with HTTP
 * 599: "Incorrect axl version. Supported axl versions are 12.x, 14.0 and
 * 15.0"): the versions it names, or null when the text says something else.
 */
export function supportedAxlVersions(text: string): string | null {
  if (!/incorrect\s+axl\s+version/i.test(text)) return null;
  const named = /supported\s+axl\s+versions\s+are\s+([^<\r\n]+)/i.exec(text)?.[1];
  return named === undefined ? '' : oneLine(named).replace(/\.$/, '');
}
