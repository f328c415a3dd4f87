export type ParamsResult = { params: Record<string, string> } | { error: string };

const KEY = /^[A-Za-z0-9_.-]+$/;

/**
 * Reads CUCM's `%[Key=Value][Key=Value]...` parameter list starting at
 * `from` (the `%`). A value runs to the first `]` that is followed by `[`,
 * `:`, white space or the end of the line, so values may hold spaces, `=`,
 * `:` and non-ASCII text, and even a `]` that is not followed by those.
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
    params[key] = text.slice(equals + 1, close);
    position = close + 1;
    if (text[position] !== '[') return { params };
  }
}

function closingBracket(text: string, from: number): number {
  for (let close = text.indexOf(']', from); close >= 0; close = text.indexOf(']', close + 1)) {
    const next = text[close + 1];
    if (next === undefined || next === '[' || next === ':' || next === ' ' || next === '\t') return close;
  }
  return -1;
}
