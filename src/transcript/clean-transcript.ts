// Escape sequences a pty or terminal emulator may leave in captured output,
// longest forms first:
// - CSI, 7-bit (ESC [) or 8-bit (U+009B): colours, cursor moves, erase line;
// - string commands (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _),
//   ended by BEL or ST. An unterminated one stops at the end of its line so
//   that it can never swallow the alarm text after it;
// - nF escapes such as the charset choice ESC ( B that `tput sgr0` emits;
// - the two-byte forms (ESC 7, ESC 8, ESC =, ESC M, ...);
// - and any ESC still left over.
const ANSI_ESCAPE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]',
    '\\u001b[\\]PX^_][^\\u0007\\u001b\\n]*(?:\\u0007|\\u001b\\\\)?',
    '\\u001b[ -/]+[0-~]',
    '\\u001b[0-~]',
    '\\u001b',
  ].join('|'),
  'g',
);
const NEEDS_CLEANING = /[\u0000\u0007\r\u001b\u009b]/;
// NUL padding, BEL, and carriage returns: CRLF from the pty's LF-to-CRLF
// translation, and the stray CRs of redrawn lines. A CR is dropped rather
// than read as a line break, so a line the pty redrew stays one line.
const CONTROL = /[\u0000\u0007\r]/g;

/**
 * Turns text as a pty delivers it (or as a person pasted it) into plain LF
 * text: escape sequences, NUL, BEL and carriage returns removed. Line breaks
 * are kept, so line numbers stay those of the original.
 */
export function cleanTranscript(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(ANSI_ESCAPE, '').replace(CONTROL, '');
}
