// `--template INVENTORY`: an inventory's own text without its phones, so that
// its defaults:, groups: (credentials, prompts), anchors and comments are kept
// verbatim and only the phones are replaced. Pure: text in, text out.

import { isMap, isScalar, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { CucmError } from './cucm-error.js';

/** The 6900 series group, as docs/inventory.md defines it. */
export const CP6900_GROUP_NAME = 'cp6900';
export const CP6900_GROUP_VALUE = '{ debug_username: admin, debug_password: "" }';

/**
 * The template's text with its `phones:` entry cut out, ending with a line
 * break; a `cp6900` group is added when `needCp6900` and the template has
 * none. Throws a usage CucmError naming `file:line` when the template is not a
 * YAML mapping or its groups: cannot take the group.
 */
export function settingsOfTemplate(template: string, file: string, needCp6900: boolean): string {
  const text = template === '' || template.endsWith('\n') ? template : `${template}\n`;
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = document.errors[0];
  if (error !== undefined) {
    const line = lines.linePos(error.pos[0]).line;
    throw new CucmError(`${file}:${line}: ${error.message.split('\n')[0]}`, 'usage');
  }
  const top = document.contents;
  if (!isMap(top) || top.flow === true) {
    throw new CucmError(
      `${file}: not an inventory: expected a block mapping with defaults:, groups: and phones:`,
      'usage',
    );
  }
  const edits: Edit[] = [];
  const phones = pairNamed(top.items, 'phones');
  if (phones !== undefined) edits.push(cutPair(text, phones));
  if (needCp6900) {
    const added = addCp6900(text, file, top.items, lines);
    if (added !== null) edits.push(added);
  }
  let kept = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    kept = kept.slice(0, edit.start) + edit.insert + kept.slice(edit.end);
  }
  return kept;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

function pairNamed(items: readonly Pair[], name: string): Pair | undefined {
  return items.find((pair) => isScalar(pair.key) && pair.key.value === name);
}

// From the start of the key's line to the end of the value's last line;
// comments after it stay.
function cutPair(text: string, pair: Pair): Edit {
  const key = pair.key as Node;
  const start = lineStart(text, key.range?.[0] ?? 0);
  const end = lineEnd(text, (pair.value as Node | null)?.range?.[1] ?? key.range?.[1] ?? start);
  return { start, end, insert: '' };
}

function addCp6900(text: string, file: string, items: readonly Pair[], lines: LineCounter): Edit | null {
  const groups = pairNamed(items, 'groups');
  const entry = `${CP6900_GROUP_NAME}: ${CP6900_GROUP_VALUE}`;
  if (groups === undefined) {
    return { start: text.length, end: text.length, insert: `groups:\n  ${entry}\n` };
  }
  const value = groups.value as Node | null;
  if (isMap(value) && pairNamed(value.items, CP6900_GROUP_NAME) !== undefined) return null;
  const firstKey = isMap(value) && value.flow !== true ? (value.items[0]?.key as Node | undefined) : undefined;
  const firstAt = firstKey?.range?.[0];
  if (firstAt === undefined) {
    const line = lines.linePos((groups.key as Node).range?.[0] ?? 0).line;
    throw new CucmError(
      `${file}:${line}: groups: has no ${CP6900_GROUP_NAME} group, which this CUCM's 6900 series phones need: add ${entry}`,
      'usage',
    );
  }
  const indent = ' '.repeat(lines.linePos(firstAt).col - 1);
  const at = lineEnd(text, value?.range?.[1] ?? firstAt);
  return { start: at, end: at, insert: `${indent}${entry}\n` };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the line break ending the line `offset` is on (or after the text). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
