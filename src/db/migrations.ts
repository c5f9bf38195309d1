/**
 * The pattern for schema migrations: each version step is a function from the previous document to the next that
 * starts from the whole old document, so fields this code does not know (written by a newer client, or kept for
 * later) survive the migration instead of being dropped.
 */
export type MigrationStep = (oldDocument: Record<string, unknown>) => Record<string, unknown> | null;

export function keepingUnknownFields(
  change: (oldDocument: Record<string, unknown>) => Record<string, unknown>,
  removed: readonly string[] = [],
): MigrationStep {
  return (oldDocument) => {
    const next = { ...oldDocument, ...change(oldDocument) };
    return Object.fromEntries(Object.entries(next).filter(([key]) => !removed.includes(key)));
  };
}
