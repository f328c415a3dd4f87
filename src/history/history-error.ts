/**
 * A history file that cannot be used: not an SQLite database, another
 * program's database, made by a newer unreg, damaged, or missing. The
 * message is one line and names the file; the command exits 2.
 */
export class HistoryFileError extends Error {
  override readonly name = 'HistoryFileError';
}

/** A question the history cannot answer as asked (an unknown run or phone, a bad --since, a bad report to import). */
export class HistoryArgumentError extends Error {
  override readonly name = 'HistoryArgumentError';
}
