/**
 * Tables that fit the terminal: the one place where unreg's tables are drawn.
 *
 * On a terminal (`width` = its columns) a table never gets wider than the
 * terminal: columns marked `shrink` (names, messages) wrap their text inside
 * the cell, the others (codes, counts, times) keep their width, and when the
 * shrinkable columns would get narrower than their `minWidth`, the columns
 * with a `priority` are dropped, the lowest first (the full view stays in
 * `--detail` or `-f csv`). Below LIST_BELOW columns, or when even the
 * narrowest grid is too wide, rows become `key: value` lines. Into a pipe or
 * a file (`width` null) a table has its natural width, as it always had.
 *
 * Use:
 *
 *   import { fitTable, fitText, type ColumnSpec } from '../render/fit-table.js';
 *
 *   const COLUMNS: ColumnSpec[] = [
 *     { header: 'code', align: 'right' },                  // fixed: keeps its width
 *     { header: 'name', shrink: true, minWidth: 20 },      // wraps inside the cell
 *     { header: 'category', shrink: true, priority: 1 },   // dropped first when room runs out
 *     { header: 'message', shrink: true, maxWidth: 60 },   // wraps past 60 even into a pipe
 *   ];
 *   out += fitTable(COLUMNS, rows, { width, heading: colour.bold });
 *   out += fitText(`Phones: ${n} total, ...`, width);      // a line of text that may be long
 *
 * `width` comes from `terminalColumns(io.stdout)` (cli/report-options.ts): the
 * terminal's columns (80 when it does not say), or null when stdout is not a
 * terminal or the report goes to a file. Cells and notes are made
 * terminal-safe here (terminalSafe): callers pass the phone's text as it is.
 * Rows may carry a note: text across the whole width under the row (an
 * alarm's parameters), made for the width it gets; rows with notes are
 * separated by rules.
 */
import stringWidth from 'string-width';
import tablePackage, { type ColumnUserConfig, type SpanningCellConfig } from 'table';
import { terminalSafe } from './terminal-text.js';

// `table` is CommonJS: destructure the default export (named ESM imports of
// CommonJS packages are not guaranteed to resolve under plain node).
const { table, getBorderCharacters } = tablePackage;

export interface ColumnSpec {
  readonly header: string;
  /** `right` for numbers. Default `left`. */
  readonly align?: 'left' | 'right';
  /** May get narrower than its text, which then wraps inside the cell. Default: keeps its width. */
  readonly shrink?: boolean;
  /**
   * The narrowest a shrinkable column gets before columns with a priority are
   * dropped to make room (default: its header, at least 8). When nothing is
   * left to drop, it may still shrink to its header's width.
   */
  readonly minWidth?: number;
  /** The widest the column ever is, into a pipe too: longer text wraps (a message column). */
  readonly maxWidth?: number;
  /** Dropped to fit, the lowest priority first; a column without one is always shown. */
  readonly priority?: number;
}

export interface FitOptions {
  /** The terminal's columns, or null for the natural width (a pipe, a file). */
  readonly width: number | null;
  /** Styles the headers and list keys (bold on a colour terminal). */
  readonly heading?: (text: string) => string;
  /** One per row, or undefined: the text under that row, made for the width it is given. */
  readonly notes?: readonly (((width: number) => string) | undefined)[];
}

/** Narrower than this, a grid is unreadable: rows are printed as `key: value` lines. */
export const LIST_BELOW = 40;

const DEFAULT_MIN_WIDTH = 8;
/** What a column costs besides its text: a space each side and the rule to its right. */
const COLUMN_OVERHEAD = 3;

/** The table as text (ending with a line break), fitted to `options.width`. */
export function fitTable(
  columns: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
  options: FitOptions,
): string {
  const cleanRows = rows.map((row) => columns.map((_, index) => terminalSafe(row[index] ?? '')));
  const natural = columns.map((column, index) => naturalWidth(column, cleanRows, index));
  const { width } = options;
  if (width === null) return drawGrid(columns, natural, cleanRows, options);
  const layout = width < LIST_BELOW ? null : fitLayout(columns, natural, width);
  if (layout === null) return drawList(columns, cleanRows, options, width);
  const shownRows = cleanRows.map((row) => layout.shown.map((index) => row[index] ?? ''));
  return drawGrid(
    layout.shown.map((index) => columns[index] as ColumnSpec),
    layout.widths,
    shownRows,
    options,
  );
}

/** Text whose lines are wrapped at `width` (continuations indented two spaces); unchanged when null. */
export function fitText(text: string, width: number | null): string {
  if (width === null) return text;
  return text
    .split('\n')
    .map((line) => indented(line, width).join('\n'))
    .join('\n');
}

/** The columns shown and their widths; null when no grid fits. */
export function fitLayout(
  columns: readonly ColumnSpec[],
  natural: readonly number[],
  width: number,
): { shown: number[]; widths: number[] } | null {
  const comfortable = columns.map((column, index) => lowerBound(column, natural[index] ?? 0, minWidthOf(column)));
  const shown = columns.map((_, index) => index);
  const droppable = shown
    .filter((index) => columns[index]?.priority !== undefined)
    .sort((a, b) => (columns[a]?.priority ?? 0) - (columns[b]?.priority ?? 0));
  while (tableWidth(shown, comfortable) > width && droppable.length > 0) {
    shown.splice(shown.indexOf(droppable.shift() as number), 1);
  }
  const floors = columns.map((column, index) => lowerBound(column, natural[index] ?? 0, headerWidth(column)));
  const lower = tableWidth(shown, comfortable) <= width ? comfortable : floors;
  if (tableWidth(shown, lower) > width) return null;
  const widths = shown.map((index) => lower[index] ?? 0);
  const targets = shown.map((index) => natural[index] ?? 0);
  grow(widths, targets, width - tableWidth(shown, lower));
  return { shown, widths };
}

/** Widens the narrowest column still under its target, one column at a time, while room is left. */
function grow(widths: number[], targets: readonly number[], room: number): void {
  for (let left = room; left > 0; left -= 1) {
    let narrowest = -1;
    for (const [index, width] of widths.entries()) {
      if (width < (targets[index] ?? 0) && (narrowest < 0 || width < (widths[narrowest] ?? 0))) narrowest = index;
    }
    if (narrowest < 0) return;
    widths[narrowest] = (widths[narrowest] ?? 0) + 1;
  }
}

function lowerBound(column: ColumnSpec, natural: number, shrinkTo: number): number {
  return column.shrink === true ? Math.min(natural, Math.max(shrinkTo, 2)) : natural;
}

function minWidthOf(column: ColumnSpec): number {
  return column.minWidth ?? Math.max(headerWidth(column), DEFAULT_MIN_WIDTH);
}

function headerWidth(column: ColumnSpec): number {
  return stringWidth(column.header);
}

/** The width of the drawn table: texts, a space each side of each, and the rules (║ │ ... ║). */
function tableWidth(shown: readonly number[], widths: readonly number[]): number {
  return shown.reduce((sum, index) => sum + (widths[index] ?? 0), 0) + COLUMN_OVERHEAD * shown.length + 1;
}

function naturalWidth(column: ColumnSpec, rows: readonly (readonly string[])[], index: number): number {
  const widest = rows.reduce((width, row) => Math.max(width, stringWidth(row[index] ?? '')), headerWidth(column));
  return Math.max(1, Math.min(widest, column.maxWidth ?? widest));
}

function drawGrid(
  columns: readonly ColumnSpec[],
  widths: readonly number[],
  rows: readonly (readonly string[])[],
  { heading = plain, notes = [] }: FitOptions,
): string {
  const config: Record<number, ColumnUserConfig> = {};
  for (const [index, column] of columns.entries()) {
    config[index] = { width: widths[index] ?? 1, wrapWord: true, alignment: column.align ?? 'left' };
  }
  const data: string[][] = [columns.map((column) => heading(column.header))];
  const spanningCells: SpanningCellConfig[] = [];
  const rowStarts = new Set<number>();
  const spanWidth = widths.reduce((sum, width) => sum + width, 0) + COLUMN_OVERHEAD * (columns.length - 1);
  for (const [index, row] of rows.entries()) {
    rowStarts.add(data.length);
    data.push([...row]);
    const note = notes[index];
    if (note === undefined) continue;
    spanningCells.push({ row: data.length, col: 0, colSpan: columns.length, wrapWord: true });
    data.push([safeLines(note(spanWidth)), ...columns.slice(1).map(() => '')]);
  }
  const ruled = notes.length > 0;
  return table(data, {
    columns: config,
    spanningCells,
    drawHorizontalLine: (line, count) => line <= 1 || line === count || (ruled && rowStarts.has(line)),
  });
}

/** Each row as `key: value` lines (long ones wrapped, indented), a blank line between rows. */
function drawList(
  columns: readonly ColumnSpec[],
  rows: readonly (readonly string[])[],
  { heading = plain, notes = [] }: FitOptions,
  width: number,
): string {
  const records = rows.map((row, index) => {
    const lines: string[] = [];
    for (const [column, spec] of columns.entries()) {
      const value = row[column] ?? '';
      if (value !== '') lines.push(...indented(`${heading(`${spec.header}:`)} ${value}`, width));
    }
    const note = notes[index];
    if (note !== undefined) {
      for (const line of safeLines(note(width - 2)).split('\n')) lines.push(...indented(line, width, '  '));
    }
    return lines.join('\n');
  });
  return `${records.join('\n\n')}\n`;
}

/** A line after `indent` within `width`: whole when it fits, else wrapped, its continuations indented two spaces more. */
function indented(line: string, width: number, indent = ''): string[] {
  if (indent.length + stringWidth(line) <= width) return [indent + line];
  const [first = '', ...rest] = wrapped(line, width - indent.length - 2);
  return [indent + first, ...rest.map((part) => `${indent}  ${part}`)];
}

/** One line of text cut into lines of at most `width` columns, at spaces and punctuation where it can. */
function wrapped(text: string, width: number): string[] {
  // table's word wrap may overrun a width of 1 (a word and its break character).
  const size = Math.max(width, 2);
  const drawn = table([[text]], {
    border: getBorderCharacters('void'),
    columnDefault: { width: size, wrapWord: true, paddingLeft: 0, paddingRight: 0 },
    drawHorizontalLine: () => false,
  });
  return drawn
    .slice(0, -1)
    .split('\n')
    .map((line) => line.trimEnd());
}

function safeLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

function plain(text: string): string {
  return text;
}
