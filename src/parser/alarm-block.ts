import { decodeXmlText } from './xml-text.js';

const QUOTED = `(?:"([^"]*)"|'([^']*)')`;
const ALARM_NAME = new RegExp(`<\\s*Alarm\\s+Name\\s*=\\s*${QUOTED}`, 'i');
// A parameter opening tag, optionally self-closing (`<String name="x"/>`).
const PARAMETER_OPEN = new RegExp(`<\\s*(String|Enum)\\s+name\\s*=\\s*${QUOTED}\\s*(/?)\\s*>`, 'gi');
const PARAMETER_CLOSE = /<\s*\/\s*(String|Enum)\s*>/gi;

export interface AlarmBlockContent {
  readonly name: string | null;
  readonly params: Record<string, string>;
  /** Parameters whose closing tag was not found on their line. */
  readonly unclosed: string[];
}

/**
 * Reads the inside of one `<x-cisco-alarm>` block. Deliberately not an XML
 * parser: phones send values such as `<not open>` unescaped and people paste
 * notes after closing tags, so each value runs from its opening tag to the
 * matching closing tag on the same line, whatever lies between.
 */
export function readAlarmBlock(block: string): AlarmBlockContent {
  const nameMatch = ALARM_NAME.exec(block);
  const name = nameMatch ? decodeXmlText(nameMatch[1] ?? nameMatch[2] ?? '') : null;
  const params: Record<string, string> = {};
  const unclosed: string[] = [];
  PARAMETER_OPEN.lastIndex = 0;
  for (let open = PARAMETER_OPEN.exec(block); open !== null; open = PARAMETER_OPEN.exec(block)) {
    const tag = (open[1] ?? '').toLowerCase();
    const parameter = decodeXmlText(open[2] ?? open[3] ?? '');
    if (open[4] === '/') {
      params[parameter] = '';
      continue;
    }
    const value = readValue(block, PARAMETER_OPEN.lastIndex, tag);
    if (value === null) unclosed.push(parameter);
    else params[parameter] = decodeXmlText(value.text);
    if (value !== null) PARAMETER_OPEN.lastIndex = value.end;
  }
  return { name, params, unclosed };
}

function readValue(block: string, start: number, tag: string): { text: string; end: number } | null {
  const lineEnd = endOfLine(block, start);
  PARAMETER_CLOSE.lastIndex = start;
  for (let close = PARAMETER_CLOSE.exec(block); close !== null; close = PARAMETER_CLOSE.exec(block)) {
    if (close.index >= lineEnd) return null;
    if ((close[1] ?? '').toLowerCase() === tag) {
      return { text: block.slice(start, close.index), end: PARAMETER_CLOSE.lastIndex };
    }
  }
  return null;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}
