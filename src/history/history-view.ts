import type { Colour } from '../render/colour.js';
import { type CsvCell, csvRecords, neutraliseFormula } from '../render/csv-renderer.js';
import { type ColumnSpec, fitTable } from '../render/fit-table.js';
import type { PageContext } from '../render/html/page-shell.js';
import { tablesPage } from '../render/html/tables-page.js';

export const HISTORY_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** One table of an answer: a title for people, column names, rows. */
export interface ViewSection {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/**
 * An answer of `unreg history`: the JSON document (the contract scripts
 * read) and the same facts as tables, for people and for CSV.
 */
export interface HistoryView {
  readonly json: unknown;
  readonly sections: readonly ViewSection[];
  /** Said under the tables when they are empty. */
  readonly empty: string;
}

/** What the HTML page says of itself: its heading (`unreg history new`) and the run. */
export interface PageFacts extends PageContext {
  readonly heading: string;
}

/**
 * The answer in a format. A table fits `width` (the terminal's columns;
 * null: natural width). CSV of several sections: one table, a `record`
 * column naming the section.
 */
export function renderView(
  view: HistoryView,
  format: HistoryFormat,
  colour: Colour,
  width: number | null,
  page: PageFacts,
): string {
  if (format === 'json') return `${JSON.stringify(view.json, null, 2)}\n`;
  if (format === 'html') return tablesPage(page.heading, view.sections, view.empty, page);
  if (format === 'csv') return csvOf(view.sections);
  const shown = view.sections.filter((section) => section.rows.length > 0);
  if (shown.length === 0) return `${view.empty}\n`;
  return shown
    .map((section) => {
      const rows = section.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
      return `${colour.bold(section.title)}\n${fitTable(columnSpecs(section), rows, { width, heading: colour.bold })}`;
    })
    .join('\n');
}

/** Numbers keep their width, right-aligned; text columns wrap when the terminal is narrow. */
function columnSpecs(section: ViewSection): ColumnSpec[] {
  return section.columns.map((header, index) =>
    section.rows.every((row) => typeof row[index] === 'number' || row[index] === null)
      ? { header, align: 'right' }
      : { header, shrink: true },
  );
}

function csvOf(sections: readonly ViewSection[]): string {
  const safe = (cell: CsvCell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
  if (sections.length === 1) {
    const [only] = sections as [ViewSection];
    return csvRecords([only.columns, ...only.rows.map((row) => row.map(safe))]);
  }
  const columns = [...new Set(sections.flatMap((section) => section.columns))];
  const rows = sections.flatMap((section) =>
    section.rows.map((row) => [
      section.title,
      ...columns.map((column) => {
        const at = section.columns.indexOf(column);
        return at === -1 ? null : safe(row[at] ?? null);
      }),
    ]),
  );
  return csvRecords([['record', ...columns], ...rows]);
}
