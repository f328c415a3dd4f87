/**
 * A history file that cannot be used: not an SQLite database, another
 * program's database, made by a newer unreg, damaged, or missing. The
 * message is one line and names the file; the command exits 2.
 */
export class HistoryFileError extends Error {
  override readonly name = 'HistoryFileError';
}
