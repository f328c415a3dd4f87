// Small forward scans over the YAML text, for what js-yaml's events give no
// offset for: the `-` of a list entry left empty, the bracket that closes a
// flow collection, the line where a second document starts. Each runs over
// the separation between two tokens (spaces, line breaks, comments,
// indicators), never over a value.

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;

function isBlank(char: number): boolean {
  return char === SPACE || char === TAB || char === LF || char === CR;
}

function isBlankOrEnd(char: number): boolean {
  return isBlank(char) || Number.isNaN(char);
}

function isLineEnd(char: number): boolean {
  return char === LF || char === CR || Number.isNaN(char);
}

/** 1-based lines of offsets: LF, CR LF and a lone CR each end a line, as YAML counts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The last line found: offsets mostly come in file order. */
  private hint = 0;

  constructor(text: string) {
    for (let at = 0; at < text.length; at++) {
      const char = text.charCodeAt(at);
      if (char === LF || (char === CR && text.charCodeAt(at + 1) !== LF)) this.starts.push(at + 1);
    }
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    let line = this.hint;
    if ((starts[line] as number) > offset) line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
    this.hint = line;
    return line + 1;
  }
}

/** The offset past spaces, line breaks and comments from `offset`. */
function skipSeparation(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const char = text.charCodeAt(at);
    if (isBlank(char)) at++;
    else if (char === HASH) {
      while (!isLineEnd(text.charCodeAt(at))) at++;
    } else return at;
  }
}

/** The offset past separation and any of the one-character `indicators` from `offset`. */
function skipIndicators(text: string, offset: number, indicators: string): number {
  let at = skipSeparation(text, offset);
  while (at < text.length && indicators.includes(text.charAt(at))) at = skipSeparation(text, at + 1);
  return at;
}

/**
 * The `-` of the next list entry when only separation lies before it (and
 * the `:` of a mapping's last key left empty: `- a:`); -1 otherwise.
 */
export function nextEntryDash(text: string, offset: number): number {
  const at = skipIndicators(text, offset, ':?');
  return text.charCodeAt(at) === DASH && isBlankOrEnd(text.charCodeAt(at + 1)) ? at : -1;
}

/** The offset after the `]` or `}` closing a flow collection whose last token ends at `offset`; `offset` if none follows. */
export function flowCollectionEnd(text: string, offset: number): number {
  const at = skipIndicators(text, offset, ',:?');
  const char = text.charAt(at);
  return char === ']' || char === '}' ? at + 1 : offset;
}

/** Where the document after one ending at `offset` starts: its `---`, past a `...` and any comment. */
export function nextDocumentStart(text: string, offset: number): number {
  // A block mapping's last key left empty (`key:`) ends before its `:`.
  const at = skipIndicators(text, offset, ':?');
  return text.startsWith('...', at) ? skipSeparation(text, at + 3) : at;
}
