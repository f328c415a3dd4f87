/**
 * A mistake in what the user asked for (a flag, an argument, an input file,
 * the inventory). Shown as one line on stderr; the exit status is 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
