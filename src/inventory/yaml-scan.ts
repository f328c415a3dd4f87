// Small forward scans over the YAML text js-yaml is reading, to place what
// its listener reports: it gives offsets, not tokens. The text ends with a
// NUL (js-yaml appends one), so reading past the end yields 0, never throws.

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;

function isBlank(char: number): boolean {
  return char === SPACE || char === TAB || char === LF || char === CR;
}

function isWhiteOrEnd(char: number): boolean {
  return isBlank(char) || char === 0 || Number.isNaN(char);
}

/** The offset past spaces, line breaks and comments from `offset`. */
export function skipSeparation(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const char = text.charCodeAt(at);
    if (isBlank(char)) at++;
    else if (char === HASH) {
      while (!isLineEnd(text.charCodeAt(at))) at++;
    } else return at;
  }
}

/**
 * Where a node's own text starts: js-yaml reports a node before skipping the
 * spaces, line breaks and comments ahead of it, and its anchor (`&name`) or
 * tag (`!!str`) is not part of the value as written.
 */
export function contentStart(text: string, offset: number): number {
  let at = skipSeparation(text, offset);
  for (let char = text.charCodeAt(at); char === 0x26 || char === 0x21; char = text.charCodeAt(at)) {
    while (!isWhiteOrEnd(text.charCodeAt(at))) at++;
    at = skipSeparation(text, at);
  }
  return at;
}

/** Line breaks between two offsets (CR LF counts once, a lone CR as one, as js-yaml counts). */
export function lineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = from; at < to; at++) {
    const char = text.charCodeAt(at);
    if (char === LF || (char === CR && text.charCodeAt(at + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** Whether a `:` follows on the same line: the node just read is a mapping key. */
export function colonFollows(text: string, offset: number): boolean {
  let at = offset;
  let char = text.charCodeAt(at);
  while (char === SPACE || char === TAB) char = text.charCodeAt(++at);
  return char === COLON;
}

/** The name of the alias `*name` starting at `offset`. */
export function aliasName(text: string, offset: number): string {
  let end = offset + 1;
  while (!isWhiteOrEnd(text.charCodeAt(end)) && !',[]{}'.includes(text.charAt(end))) end++;
  return text.slice(offset + 1, end);
}

/**
 * The `-` entry indicators of the block sequence starting at `start` (its
 * first `-`) and ending before `end`, with their line counted from the first:
 * each `-` that begins a line at the first one's column, outside the ranges
 * its `count` read entries cover (`spans`: from, to, from, to..., in order).
 * One pass: a 10,000-phone list may hold an entry left empty.
 */
export function sequenceDashes(
  text: string,
  start: number,
  end: number,
  spans: readonly number[],
  count: number,
): Array<{ readonly offset: number; readonly line: number }> {
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  const dashes = [{ offset: start, line: 0 }];
  let span = 0;
  let line = 0;
  for (let lineStart = text.indexOf('\n', start) + 1; lineStart > 0 && lineStart < end; ) {
    line++;
    const dash = lineStart + column;
    while (span < count && (spans[2 * span + 1] as number) <= dash) span++;
    const inEntry = span < count && (spans[2 * span] as number) <= dash;
    const isDash =
      !inEntry &&
      onlySpaces(text, lineStart, dash) &&
      text.charCodeAt(dash) === 0x2d &&
      isWhiteOrEnd(text.charCodeAt(dash + 1));
    if (isDash) dashes.push({ offset: dash, line });
    lineStart = text.indexOf('\n', lineStart) + 1;
  }
  return dashes;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text.charCodeAt(at) !== SPACE) return false;
  return true;
}

function isLineEnd(char: number): boolean {
  return char === LF || char === CR || char === 0 || Number.isNaN(char);
}
