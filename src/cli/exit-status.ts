/** Exit statuses: a public contract (docs/usage.md). */
export const EXIT = {
  /** Every phone (or file) was read. */
  ok: 0,
  /** At least one phone (or file) failed. */
  someFailed: 1,
  /** Bad flags, arguments, inventory or unreadable input: nothing was read. */
  usage: 2,
  /** The report could not be written after the phones were read (disk full...): EX_IOERR. */
  outputFailed: 74,
  /** A bug in unreg: EX_SOFTWARE. */
  internalError: 70,
  /** Interrupted by Ctrl-C or SIGTERM; the report marks unfinished phones aborted. */
  interrupted: 130,
} as const;
