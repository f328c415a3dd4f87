// A SOAP answer's text to what it says: pure. Elements are read by their
// local names (CUCM prefixes them ns1:, soapenv:, or not at all), values kept
// as text (a device name or description is never a number).
import { XMLParser } from 'fast-xml-parser';

/** An element's parsed content: text, or its children by local name. */
export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  readonly [name: string]: XmlValue;
}

export type SoapAnswer =
  /** The Body's content. */
  | { readonly kind: 'body'; readonly body: XmlElement }
  | { readonly kind: 'fault'; readonly code: string; readonly message: string }
  /** Not a SOAP envelope (an HTML error page, plain text): its title or first words. */
  | { readonly kind: 'not-soap'; readonly summary: string };

// Elements that repeat: lists stay lists even with one member.
const REPEATED = new Set(['item', 'phone']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export function readSoapAnswer(text: string): SoapAnswer {
  let document: XmlElement | null = null;
  try {
    document = parser.parse(text) as XmlElement;
  } catch {
    // Not XML: described below like any other page.
  }
  const body = child(child(document, 'Envelope'), 'Body');
  if (body === null) return { kind: 'not-soap', summary: pageSummary(text) };
  const fault = child(body, 'Fault');
  if (fault !== null) {
    return { kind: 'fault', code: textOf(fault.faultcode), message: oneLine(textOf(fault.faultstring)) };
  }
  return { kind: 'body', body };
}

/** The child element `name` of an element, or null when missing or mere text. */
export function child(element: XmlElement | null, name: string): XmlElement | null {
  const value = element?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null && !Array.isArray(first) ? first : null;
}

/** The text of a value (an empty element is ''). */
export function textOf(value: XmlValue | undefined): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  return '';
}

/** The elements of a list: `<List><item>..</item><item>..</item></List>` (named `item` or as given). */
export function listOf(element: XmlElement | null, itemName = 'item'): XmlElement[] {
  const value = element?.[itemName];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is XmlElement => typeof item === 'object' && !Array.isArray(item));
}

/** What a page that is not SOAP is about: its <title>, or its first words. */
export function pageSummary(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const words = oneLine(decodeBasicEntities((title ?? text.replace(/<[^>]*>/g, ' ')).trim()));
  if (words === '') return 'an empty answer';
  return `"${words.length > 120 ? `${words.slice(0, 117)}...` : words}"`;
}

/** Whitespace (line breaks included) folded to single spaces, control characters dropped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, decimal: string) => codePoint(Number(decimal)))
    .replace(/&(lt|gt|quot|apos|nbsp|ndash|amp);/g, (_, name: string) => NAMED[name] ?? '');
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  amp: '&',
};
