import { jsonEquals } from '../merge/mergeDocuments';
import type { PlanHistoryEntry } from '../plan';

/**
 * A plan's history is append-only (issue 8.4): it is the record of who prepared, sent, approved or returned the plan,
 * and the workflow reads the approval stage from it, so a rewritten entry would be a forged approval.
 *
 * A pushed history must begin with the stored one, entry for entry and equal in value (compared as JSON values, not
 * text: PostgreSQL's jsonb keeps no key order), and may only add entries after it — each written by the person
 * pushing, under an id the history has not used before. Reordering, rewriting an entry's author, date or action,
 * dropping entries and reusing an old id are all refused.
 */
export type HistoryProblem =
  | { code: 'historyRewritten' }
  | { code: 'historyEntryNotOwn'; entryId: string }
  | { code: 'historyIdReused'; entryId: string };

export function historyAppendProblem(
  stored: readonly PlanHistoryEntry[],
  pushed: readonly PlanHistoryEntry[],
  actorId: string,
): HistoryProblem | null {
  if (pushed.length < stored.length) return { code: 'historyRewritten' };
  if (!stored.every((entry, i) => jsonEquals(entry, pushed[i]))) return { code: 'historyRewritten' };
  const used = new Set(stored.map((h) => h.id));
  for (const entry of pushed.slice(stored.length)) {
    if (entry.byUserId !== actorId) return { code: 'historyEntryNotOwn', entryId: entry.id };
    if (used.has(entry.id)) return { code: 'historyIdReused', entryId: entry.id };
    used.add(entry.id);
  }
  return null;
}

/** The entries a push adds to the stored history (only meaningful once historyAppendProblem found none). */
export const appendedEntries = (stored: readonly PlanHistoryEntry[], pushed: readonly PlanHistoryEntry[]) =>
  pushed.slice(stored.length);
