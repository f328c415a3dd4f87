// Every value that comes from a phone, a file name or an inventory reaches the
// page through one of these three functions, and through nothing else.

const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element's content: shows as itself, never as markup. */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, entityOf);
}

/** A value for an attribute written in double quotes (the page writes no other kind). */
export function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, entityOf);
}

function entityOf(character: string): string {
  return ENTITY[character] ?? character;
}

// In a <script> element nothing is decoded, so `</script>` or `<!--` in a
// string would end or change the element: <, > and & are written as JSON
// escapes, which parse back to the same characters. U+2028 and U+2029 too,
// for readers that take them as line ends.
const SCRIPT_SPECIAL = /[<>&\u2028\u2029]/g;

/** A value as JSON for a `<script type="application/json">` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_SPECIAL, unicodeEscape);
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
