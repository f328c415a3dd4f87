/**
 * A file (a report, known_hosts) could not be written, e.g. the disk is full: exit 74, no stack.
 * A module of its own so that main.ts can recognise it without loading the file writer (and node:crypto).
 */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}
