import { map, type Observable } from 'rxjs';
import type { Consultation, Learner } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';

const NONE: Consultation[] = [];

const newestFirst = (a: Consultation, b: Consultation) =>
  b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime) || b.createdAt.localeCompare(a.createdAt);

/**
 * Every consultation a learner took part in (or was meant to), newest first, live. No index holds attendees (a
 * group session has several), so this reads the school's consultations through its index and keeps the learner's
 * in memory; a plan id would miss sessions logged without a plan or linked to a classmate's plan. `since` bounds
 * the read (through the school-and-date index), so a page does not decrypt a school's whole past on every change.
 */
export function consultationsOfLearner$(
  db: AtbalstsDatabase,
  learner: Pick<Learner, 'id' | 'schoolId'>,
  since = '',
): Observable<Consultation[]> {
  return db.consultations
    .find({ selector: { schoolId: learner.schoolId, date: { $gte: since } }, sort: [{ date: 'desc' }] })
    .$.pipe(
      map((docs) =>
        docs
          .filter((doc) => doc.attendees.some((a) => a.learnerId === learner.id))
          .map((doc) => doc.toMutableJSON() as Consultation)
          .sort(newestFirst),
      ),
    );
}

export function useConsultationsOfLearner(learner: Pick<Learner, 'id' | 'schoolId'> | null | undefined, since: string) {
  const id = learner?.id ?? '';
  const schoolId = learner?.schoolId ?? '';
  return useLiveQuery((db) => consultationsOfLearner$(db, { id, schoolId }, since), NONE, [id, schoolId, since]);
}
