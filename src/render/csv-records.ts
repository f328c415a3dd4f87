import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text, a number (written as is), or empty. */
export type CsvCell = string | number | null;

/**
 * RFC 4180 records: CRLF line ends, a cell quoted when it holds a comma, a
 * quote or any line break. csv-stringify stops quoting lone CR and LF once a
 * record delimiter is given (`quote_record_delimiter` then defaults to
 * false), which would split a record in two: ask for it explicitly.
 */
export function csvRecords(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { record_delimiter: 'windows', quote_record_delimiter: true },
  );
}
