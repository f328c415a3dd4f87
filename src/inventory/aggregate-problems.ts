import type { InventoryProblem } from './inventory-problem.js';

/**
 * Resolution problems of many phones, in as few lines as say everything: a bad
 * value in `defaults:` or a group is reported once (not once per phone), and a
 * setting missing everywhere (a problem without `where`) is reported once, at
 * the first phone it hits, with the number of phones.
 */
export function aggregateProblems(
  found: ReadonlyArray<{ problem: InventoryProblem; phoneWhere: string }>,
): InventoryProblem[] {
  const lines = new Map<string, { problem: InventoryProblem; phones: number }>();
  for (const { problem, phoneWhere } of found) {
    const id = `${problem.where ?? 'missing'} ${problem.key} ${problem.message}`;
    const earlier = lines.get(id);
    if (earlier !== undefined) earlier.phones += 1;
    else lines.set(id, { problem: problem.where === null ? { ...problem, where: phoneWhere } : problem, phones: 1 });
  }
  return [...lines.entries()].map(([id, { problem, phones }]) =>
    phones > 1 && id.startsWith('missing ')
      ? { ...problem, message: `${problem.message} (${phones} phones, the first here)` }
      : problem,
  );
}
