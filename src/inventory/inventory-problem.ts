/**
 * One thing wrong with the inventory or the flags, before any connection.
 * Shown as one line: `where: key: message` (`inventory.yaml:12: port: ...`,
 * or `--port: ...` for a flag, which has no `where`).
 */
export interface InventoryProblem {
  /** `file:line`, or null for a command-line flag. */
  readonly where: string | null;
  /** The key as the user wrote it (`password_env`, `--password-env`), or null for the file as a whole. */
  readonly key: string | null;
  readonly message: string;
  /**
   * Set only when no SSH password is configured anywhere and the fallback
   * variable is unset: `unreg check` may then prompt for it on a terminal.
   */
  readonly missingPassword?: true;
}

export function formatProblem(problem: InventoryProblem): string {
  return [problem.where, problem.key, problem.message].filter((part) => part !== null).join(': ');
}

/**
 * Every problem found in an inventory, one per line in `message` (the CLI
 * prints them and exits 2, as for a usage error). `problems` keeps them apart.
 */
export class InventoryError extends Error {
  override readonly name = 'InventoryError';
  readonly problems: readonly InventoryProblem[];

  constructor(problems: readonly InventoryProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}
