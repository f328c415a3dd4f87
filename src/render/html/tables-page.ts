import { escapeText } from './html-escape.js';
import { htmlDocument, type PageContext, section } from './page-shell.js';

/** One table of an answer, as `unreg history` gives it. */
export interface PageTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * An answer made of plain tables (`unreg history ... -f html`) as a page of
 * its own: the same self-contained shell, policy and escaping as the
 * report's page, each table sortable by any column.
 */
export function tablesPage(heading: string, tables: readonly PageTable[], empty: string, context: PageContext): string {
  const shown = tables.filter((table) => table.rows.length > 0);
  const command = context.command === undefined ? '' : ` <code>${escapeText(context.command)}</code>`;
  const header = [
    `<header><h1>${escapeText(heading)}</h1>`,
    `<p class="meta">Generated ${context.generatedAt.slice(0, 19).replace('T', ' ')} UTC by unreg ${escapeText(context.version)}${command}</p></header>`,
  ].join('');
  const body =
    shown.length === 0
      ? [`<p class="none">${escapeText(empty)}</p>`]
      : shown.map((table, index) => section(`table-${index + 1}`, table.title, plainTable(table)));
  return htmlDocument(heading, [header, ...body], undefined, context);
}

function plainTable(table: PageTable): string {
  const numeric = table.columns.map((_, column) =>
    table.rows.every((row) => typeof row[column] === 'number' || row[column] === null),
  );
  const cell = (tag: string, column: number, text: string) =>
    `<${tag}${numeric[column] === true ? ' class="n"' : ''}>${escapeText(text)}</${tag}>`;
  const head = table.columns.map((name, column) => cell('th', column, name)).join('');
  const rows = table.rows.map(
    (row) => `<tr>${table.columns.map((_, column) => cell('td', column, String(row[column] ?? ''))).join('')}</tr>`,
  );
  return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
