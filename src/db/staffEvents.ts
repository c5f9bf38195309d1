import { map } from 'rxjs';
import { isStaffEvent, staffEventSchema, type StaffEvent } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: StaffEvent[] = [];

/**
 * Every staff event this device holds, latest first: the server sends a person exactly the events they may read
 * (their municipality's and its schools'), a few dozen a year, so the screens filter them in memory. The
 * collection's other kind, indirect work, is read through indirectWork.ts.
 */
export function useStaffEvents() {
  return useLiveQuery(
    (db) =>
      db.staffevents.find({ selector: { kind: { $ne: 'indirect' } } }).$.pipe(
        map((docs) =>
          docs
            .map((d) => d.toMutableJSON())
            .filter(isStaffEvent)
            .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)),
        ),
      ),
    NONE,
    [],
  );
}

export type NewStaffEvent = Omit<StaffEvent, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'syncConflicts'>;

/** Records an event (validated again: the database keeps only whole, valid records). */
export async function addStaffEvent(db: AtbalstsDatabase, input: NewStaffEvent): Promise<StaffEvent> {
  const now = nowIso();
  const event = plainJson(staffEventSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now }));
  await db.staffevents.insert(event);
  return event;
}

/** Applies one change to the event as stored now (RxDB re-runs it on a clash, keeping another device's edit). */
export async function updateStaffEvent(
  db: AtbalstsDatabase,
  id: string,
  change: (current: StaffEvent) => StaffEvent,
): Promise<StaffEvent> {
  const doc = await db.staffevents.findOne(id).exec();
  if (!doc) throw new Error(`Staff event ${id} not found`);
  let result: StaffEvent | null = null;
  await doc.incrementalModify((current) => {
    const next = plainJson(staffEventSchema.parse({ ...change(current as StaffEvent), updatedAt: nowIso() }));
    result = next;
    return next;
  });
  return result as unknown as StaffEvent;
}

/** Deletes an event; returns it as it was, for an undo. */
export async function removeStaffEvent(db: AtbalstsDatabase, id: string): Promise<StaffEvent | null> {
  const doc = await db.staffevents.findOne(id).exec();
  if (!doc) return null;
  const before = doc.toMutableJSON();
  if (!isStaffEvent(before)) return null;
  // A sync write landing between the read and the removal would make remove() fail as a conflict.
  await doc.incrementalRemove();
  return before;
}

/** Puts a deleted event back under its own id (the undo of removeStaffEvent), as a new change to sync. */
export async function restoreStaffEvent(db: AtbalstsDatabase, event: StaffEvent): Promise<void> {
  await db.staffevents.upsert(plainJson(staffEventSchema.parse({ ...event, updatedAt: nowIso() })));
}
