import { decodeXmlText } from './xml-text.js';

// An attribute value: double-quoted, single-quoted or (sloppy) bare. A `<`
// never belongs to one; excluding it also bounds each match attempt by the
// next tag, so hostile input cannot make the scan quadratic.
const VALUE = `(?:"([^"<]*)"|'([^'<]*)'|([^\\s"'<>/=]+))`;
const ALARM_NAME = new RegExp(`<\\s*Alarm\\s+Name\\s*=\\s*${VALUE}`, 'i');
// A parameter opening tag: any further attributes are tolerated, and it may
// be self-closing (`<String name="x"/>`, told from the tag's rest). The rest
// is one greedy run up to `>`: an optional `/` and spaces after a lazy run
// would retry every split of a long run of spaces (quadratic on a tag left
// open, one bad phone freezing a whole sweep).
const PARAMETER_OPEN = new RegExp(`<\\s*(String|Enum)\\s+name\\s*=\\s*${VALUE}([^<>]*)>`, 'gi');
// Tried at each `<` after a value (sticky).
const PARAMETER_CLOSE = /<\s*\/\s*(String|Enum)\s*>/iy;
const ANY_CLOSE = /<\s*\//;

export interface AlarmBlockContent {
  readonly name: string | null;
  readonly params: Record<string, string>;
  /** Parameters with no closing tag: their value was read to the end of the line. */
  readonly unclosed: string[];
}

/**
 * Reads the inside of one `<x-cisco-alarm>` block. Deliberately not an XML
 * parser: phones send values such as `<not open>` unescaped and people paste
 * notes after closing tags, so a value runs from its opening tag to the first
 * matching closing tag before the next parameter, whatever lies between.
 * Entities other than the five predefined ones and character references are
 * never expanded.
 */
export function readAlarmBlock(block: string): AlarmBlockContent {
  const params: Record<string, string> = {};
  const unclosed: string[] = [];
  PARAMETER_OPEN.lastIndex = 0;
  let open = PARAMETER_OPEN.exec(block);
  while (open !== null) {
    const parameter = decodeXmlText(open[2] ?? open[3] ?? open[4] ?? '');
    const valueStart = PARAMETER_OPEN.lastIndex;
    const next = PARAMETER_OPEN.exec(block);
    if ((open[5] ?? '').trimEnd().endsWith('/')) {
      setParam(params, parameter, '');
    } else {
      const limit = next === null ? block.length : next.index;
      const closeAt = findClose(block, valueStart, limit, (open[1] ?? '').toLowerCase());
      if (closeAt === -1) unclosed.push(parameter);
      const raw = closeAt === -1 ? restOfLine(block, valueStart, limit) : block.slice(valueStart, closeAt);
      setParam(params, parameter, decodeXmlText(raw));
    }
    open = next;
  }
  return { name: readAlarmName(block), params, unclosed };
}

function readAlarmName(block: string): string | null {
  const match = ALARM_NAME.exec(block);
  return match === null ? null : decodeXmlText(match[1] ?? match[2] ?? match[3] ?? '');
}

/** Where the closing tag for `tag` starts, looking in [from, limit); -1 if none. */
function findClose(block: string, from: number, limit: number, tag: string): number {
  for (let at = block.indexOf('<', from); at !== -1 && at < limit; at = block.indexOf('<', at + 1)) {
    PARAMETER_CLOSE.lastIndex = at;
    const close = PARAMETER_CLOSE.exec(block);
    if (close !== null && (close[1] ?? '').toLowerCase() === tag) return at;
  }
  return -1;
}

/** An unclosed value: up to the end of its line, or to any closing tag before that. */
function restOfLine(block: string, from: number, limit: number): string {
  const newline = block.indexOf('\n', from);
  const line = block.slice(from, newline === -1 || newline > limit ? limit : newline);
  const close = line.search(ANY_CLOSE);
  return (close === -1 ? line : line.slice(0, close)).trimEnd();
}

// A parameter named __proto__ would otherwise be swallowed by the setter
// of Object.prototype instead of becoming a key.
function setParam(params: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') {
    Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    params[name] = value;
  }
}
