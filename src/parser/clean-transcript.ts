// Escape sequences a pty or terminal emulator may leave in captured output:
// CSI (colours, cursor moves), OSC (titles, ended by BEL or ST) and the
// two-byte ESC forms.
const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
const NEEDS_CLEANING = /[\u0000\r\u001b]/;

/**
 * Turns text as a pty delivers it (or as a person pasted it) into plain LF
 * text: escape sequences, NUL bytes and carriage returns removed.
 */
export function cleanTranscript(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(ANSI_ESCAPE, '').replace(/[\u0000\r]/g, '');
}
