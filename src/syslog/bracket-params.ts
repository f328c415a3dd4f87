export type ParamsResult = { params: Record<string, string> } | { error: string };

const KEY = /^[A-Za-z0-9_.-]+$/;

/**
 * Reads CUCM's `%[Key=Value][Key=Value]...` parameter list starting at
 * `from` (the `%`). A value runs to the first `]` that is followed by the
 * next `[Key=`, by `:` and a space (the list's end, then the message) or by
 * the end of the line; failing those, to the first `]` followed by `[`, `:`
 * or white space. So values may hold spaces, `=`, `:`, non-ASCII text and
 * brackets: a description `Room [A] 3F`, a SIP URI `sip:[2001:db8::10]:5060`.
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
  let loose = -1;
  for (let close = text.indexOf(']', from); close >= 0; close = text.indexOf(']', close + 1)) {
    if (endsValue(text, close)) return close;
    if (loose < 0 && mayEndValue(text[close + 1])) loose = close;
  }
  return loose;
}

const NEXT_KEY = /\[[A-Za-z0-9_.-]+=/y;

/** `]` before the next `[Key=`, before `: ` (the list's end), or at the end of the line. */
function endsValue(text: string, close: number): boolean {
  const next = text[close + 1];
  if (next === undefined) return true;
  if (next === ':') return isSpaceOrEnd(text[close + 2]);
  NEXT_KEY.lastIndex = close + 1;
  return next === '[' && NEXT_KEY.test(text);
}

// A list may also end in a space and the message, without `:`.
function mayEndValue(next: string | undefined): boolean {
  return next === '[' || next === ':' || isSpaceOrEnd(next);
}

function isSpaceOrEnd(character: string | undefined): boolean {
  return character === undefined || character === ' ' || character === '\t';
}
