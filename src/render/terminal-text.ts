// ECMA-48 sequences, removed whole so that no parameter bytes are left as
// litter: CSI (ESC [ or 0x9B) up to its final byte; the string controls OSC,
// DCS, SOS, PM and APC (ESC ] P X ^ _ or their C1 bytes) up to BEL or ST,
// or to the end of the text when unterminated, as a terminal would swallow
// it; any other ESC sequence (intermediate bytes, then one final byte).
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[ -/]*[0-~]',
  ].join('|'),
  'g',
);
// Then any C0/C1 control and DEL, and the Unicode bidi controls that can
// reorder what a terminal shows (Trojan Source, CVE-2021-42574).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Phone-supplied text made safe for a terminal: escape sequences removed,
 * other control characters (tabs and line breaks too) shown as one space.
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
}
