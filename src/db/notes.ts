import { map } from 'rxjs';
import { confidentialNoteSchema, type ConfidentialNote } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';

const NONE: ConfidentialNote[] = [];

/**
 * The session notes about a learner that reached this device: the person's own, and those colleagues shared with
 * the support team (the server sends nothing else). Newest first.
 */
export function useNotesOfLearner(learnerId: string | undefined) {
  return useLiveQuery(
    (db) =>
      db.notes
        .find({ selector: { learnerId: learnerId ?? '' } })
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toMutableJSON() as ConfidentialNote)
              .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
          ),
        ),
    NONE,
    [learnerId],
  );
}

export type NewNote = Pick<
  ConfidentialNote,
  'schoolId' | 'learnerId' | 'authorId' | 'date' | 'body' | 'sharedWithSupportTeam'
>;

/** Writes a session note; its body is encrypted at rest by the database's storage. */
export async function addNote(db: AtbalstsDatabase, input: NewNote): Promise<ConfidentialNote> {
  const now = nowIso();
  const note = confidentialNoteSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now });
  await db.notes.insert(note);
  return note;
}

export async function setNoteShared(db: AtbalstsDatabase, id: string, shared: boolean): Promise<void> {
  const doc = await db.notes.findOne(id).exec();
  if (!doc) throw new Error(`Note ${id} not found`);
  await doc.incrementalModify((current) => ({ ...current, sharedWithSupportTeam: shared, updatedAt: nowIso() }));
}
