/**
 * A record whose last change the server refused is not what the server holds: it must not count in any total, cap or
 * share the device shows (a refused over-cap 40 € must not make the learner's total 90 € when the server has 50 €).
 * Every total on the device takes its records through this one filter.
 */
export function countable<T extends { id: string }>(records: readonly T[], refusedIds: ReadonlySet<string>): T[] {
  return refusedIds.size === 0 ? [...records] : records.filter((r) => !refusedIds.has(r.id));
}
