import { map } from 'rxjs';
import { indirectWorkSchema, isIndirectWork, type IndirectWork } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: IndirectWork[] = [];

const byMonth = (a: IndirectWork, b: IndirectWork) =>
  b.month.localeCompare(a.month) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The indirect work this device holds (a kind of the staffevents collection: domain/indirectWork.ts), latest month
 * first; only of `staffId` when given. The server sends a person their own records, and a director or coordinator
 * their schools' (a few a month per school), so the screens filter in memory.
 */
export function useIndirectWork(staffId?: string) {
  return useLiveQuery(
    (db) =>
      db.staffevents.find({ selector: { kind: 'indirect', ...(staffId ? { staffId } : {}) } }).$.pipe(
        map((docs) =>
          docs
            .map((d) => d.toMutableJSON())
            .filter(isIndirectWork)
            .sort(byMonth),
        ),
      ),
    NONE,
    [staffId ?? ''],
  );
}

export type NewIndirectWork = Omit<IndirectWork, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'syncConflicts'>;

/** Records a month's indirect work (validated again: the database keeps only whole, valid records). */
export async function addIndirectWork(db: AtbalstsDatabase, input: NewIndirectWork): Promise<IndirectWork> {
  const now = nowIso();
  const work = plainJson(indirectWorkSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now }));
  await db.staffevents.insert(work);
  return work;
}

/** Applies one change to the record as stored now (RxDB re-runs it on a clash, keeping another device's edit). */
export async function updateIndirectWork(
  db: AtbalstsDatabase,
  id: string,
  change: (current: IndirectWork) => IndirectWork,
): Promise<IndirectWork> {
  const doc = await db.staffevents.findOne(id).exec();
  if (!doc || !isIndirectWork(doc.toJSON())) throw new Error(`Indirect work ${id} not found`);
  let result: IndirectWork | null = null;
  await doc.incrementalModify((current) => {
    const next = plainJson(indirectWorkSchema.parse({ ...change(current as IndirectWork), updatedAt: nowIso() }));
    result = next;
    return next;
  });
  return result as unknown as IndirectWork;
}

/** Deletes a record; returns it as it was, for an undo. */
export async function removeIndirectWork(db: AtbalstsDatabase, id: string): Promise<IndirectWork | null> {
  const doc = await db.staffevents.findOne(id).exec();
  if (!doc) return null;
  const before = doc.toMutableJSON();
  if (!isIndirectWork(before)) return null;
  // A sync write landing between the read and the removal would make remove() fail as a conflict.
  await doc.incrementalRemove();
  return before;
}

/** Puts a deleted record back under its own id (the undo of removeIndirectWork), as a new change to sync. */
export async function restoreIndirectWork(db: AtbalstsDatabase, work: IndirectWork): Promise<void> {
  await db.staffevents.upsert(plainJson(indirectWorkSchema.parse({ ...work, updatedAt: nowIso() })));
}
