export type ParamsResult = { params: Record<string, string> } | { error: string };

const KEY = /^[A-Za-z0-9_.-]+$/;

/**
 * Reads CUCM's `%[Key=Value][Key=Value]...` parameter list starting at
 * `from` (the `%`). CiscoLog escapes `[`, `]` and `\` inside a value as `\[`,
 * `\]` and `\\`: those never end a value and are decoded. An unescaped value
 * runs to the first `]` that is followed by `[`, `:`, white space or the end
 * of the line and closes no `[` of the value's own, so values may also hold
 * spaces, `=`, `:`, non-ASCII text, a `]` followed by anything else, and
 * brackets that pair up as some senders write them unescaped: a description
 * `Room [A] 3F`, a SIP URI `sip:[2001:db8::10]:5060`.
 */
export function parseBracketParams(text: string, from: number): ParamsResult {
  const params: Record<string, string> = {};
  let position = from + 1;
  for (;;) {
    if (text[position] !== '[') return { error: `expected [Key=Value] at column ${position + 1}` };
    const equals = text.indexOf('=', position + 1);
    const key = equals < 0 ? '' : text.slice(position + 1, equals);
    if (!KEY.test(key)) return { error: `expected Key= at column ${position + 2}` };
    const close = closingBracket(text, equals + 1);
    if (close < 0) return { error: `[${key}=... is not closed by ] (line cut short?)` };
    params[key] = decodeEscapes(text.slice(equals + 1, close));
    position = close + 1;
    if (text[position] !== '[') return { params };
  }
}

/**
 * Where the value starting at `from` ends: the first `]` outside brackets of
 * its own followed by `[`, `:`, white space or the end of the line. Brackets
 * that do not pair up fall back to the first such `]` at all.
 */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  let first = -1;
  for (let at = from; at < text.length; at++) {
    const character = text[at];
    if (character === '\\' && ESCAPED.has(text[at + 1] ?? '')) at += 1;
    else if (character === '[') depth += 1;
    else if (character === ']' && mayEndValue(text[at + 1])) {
      if (depth === 0) return at;
      if (first < 0) first = at;
      depth -= 1;
    } else if (character === ']' && depth > 0) depth -= 1;
  }
  return first;
}

const ESCAPED = new Set(['[', ']', '\\']);
const ESCAPE = /\\([[\]\\])/g;

/** `\[`, `\]`, `\\` to `[`, `]`, `\`; any other backslash (`C:\temp`) is kept. */
function decodeEscapes(value: string): string {
  return value.includes('\\') ? value.replace(ESCAPE, '$1') : value;
}

function mayEndValue(next: string | undefined): boolean {
  return next === undefined || next === '[' || next === ':' || next === ' ' || next === '\t';
}
