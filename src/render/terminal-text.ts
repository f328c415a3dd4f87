// Escape sequences (CSI, OSC, two-byte ESC), then any C0/C1 control,
// DEL, and the Unicode bidi controls that can reorder what a terminal shows.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Phone-supplied text made safe for a terminal: escape sequences removed,
 * other control characters (tabs and line breaks too) shown as one space.
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
}
