import { create } from 'zustand';
import { STORAGE_KEYS } from '../db';
import type { CollectionName } from '../domain';

/**
 * When a push of this device meets a newer state on the server, RxDB merges and the conflict handler notes on the
 * record which value was replaced. The note itself does not say on which device the replaced edit was made; this
 * store remembers, per person, when this device's pushes met a conflict, so the record can say "your change … was
 * replaced" here and "another device's change … was replaced by yours" elsewhere.
 */
interface DecisionState {
  owner: string | null;
  /** "collection/id" → when this device's push of it met a conflict (ms). */
  metConflictAt: Record<string, number>;
  /** Bumped at each such push, for a notification. */
  latest: { collection: CollectionName; id: string; at: number } | null;
}

/** The conflict handler runs right after the push answers; its note is dated within this window. */
const NOTE_WINDOW_MS = 60_000;
const MAX_REMEMBERED = 200;
const keyOf = (collection: string, id: string) => `${collection}/${id}`;
const storageKey = (owner: string) => `${STORAGE_KEYS.conflictsPrefix}${owner}`;

export const useSyncDecisions = create<DecisionState>()(() => ({ owner: null, metConflictAt: {}, latest: null }));

export function openDecisions(owner: string): void {
  let metConflictAt: Record<string, number> = {};
  try {
    metConflictAt = JSON.parse(globalThis.localStorage?.getItem(storageKey(owner)) ?? '{}') as Record<string, number>;
  } catch {
    // Unreadable: the notes still show, as made on "another device".
  }
  useSyncDecisions.setState({ owner, metConflictAt, latest: null });
}

export function closeDecisions(): void {
  useSyncDecisions.setState({ owner: null, metConflictAt: {}, latest: null });
}

export function forgetDecisionsOf(owner: string): void {
  globalThis.localStorage?.removeItem(storageKey(owner));
  if (useSyncDecisions.getState().owner === owner) closeDecisions();
}

export function recordPushConflicts(collection: CollectionName, ids: readonly string[], at = Date.now()): void {
  if (ids.length === 0) return;
  const { owner, metConflictAt } = useSyncDecisions.getState();
  const next = { ...metConflictAt };
  for (const id of ids) next[keyOf(collection, id)] = at;
  const trimmed = Object.fromEntries(
    Object.entries(next)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_REMEMBERED),
  );
  if (owner) {
    try {
      globalThis.localStorage?.setItem(storageKey(owner), JSON.stringify(trimmed));
    } catch {
      // Storage full: the notes still show, as made on "another device".
    }
  }
  useSyncDecisions.setState({ metConflictAt: trimmed, latest: { collection, id: ids[0] ?? '', at } });
}

/** Whether a note on this record (dated `noteAt`) was about an edit of this device that lost. */
export function useLostHere(collection: CollectionName, id: string): (noteAt: string) => boolean {
  const met = useSyncDecisions((s) => s.metConflictAt[keyOf(collection, id)]);
  return (noteAt) => {
    if (met === undefined) return false;
    const at = Date.parse(noteAt);
    return at >= met - 1_000 && at <= met + NOTE_WINDOW_MS;
  };
}
