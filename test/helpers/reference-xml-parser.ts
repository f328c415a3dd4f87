import { XMLParser } from 'fast-xml-parser';

/**
 * fast-xml-parser set up as a strict reference for one `<x-cisco-alarm>`
 * block: attributes kept, values left as text (no "006" to 6, no trimming),
 * only the predefined XML entities decoded (no HTML entities). Its inputs
 * here never hold a DOCTYPE, so no declared entity is ever expanded. The
 * bench measures this configuration and the differential test checks our
 * parser against it, so both compare the same thing.
 */
export function createReferenceXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    isArray: (tagName) => tagName === 'String' || tagName === 'Enum',
  });
}

export interface ReferenceAlarm {
  readonly name: string | null;
  readonly params: Record<string, string>;
}

interface ReferenceParameter {
  readonly '@_name'?: string;
  readonly '#text'?: string;
}

/** The Alarm Name and the String/Enum parameters of one parsed block. */
export function referenceAlarm(document: unknown): ReferenceAlarm {
  const alarm = (document as { 'x-cisco-alarm'?: { Alarm?: Record<string, unknown> } })['x-cisco-alarm']?.Alarm;
  const list = (alarm?.ParameterList ?? {}) as Record<string, ReferenceParameter[] | undefined>;
  const params: Record<string, string> = {};
  for (const parameter of [...(list.String ?? []), ...(list.Enum ?? [])]) {
    const name = parameter['@_name'] ?? '';
    const value = parameter['#text'] ?? '';
    if (name === '__proto__')
      Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
    else params[name] = value;
  }
  const name = alarm?.['@_Name'];
  return { name: typeof name === 'string' ? name : null, params };
}
