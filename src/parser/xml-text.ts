const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;

/**
 * Decodes the five predefined XML entities and numeric character references.
 * Any other `&name;` stays as it is: phone data is untrusted, so entities
 * declared in a DOCTYPE are never expanded.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return isValidCodePoint(codePoint) ? String.fromCodePoint(codePoint) : whole;
  });
}

function isValidCodePoint(value: number): boolean {
  return value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
}
