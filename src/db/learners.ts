import { map } from 'rxjs';
import { learnerFieldsSchema, learnerSchema, type Learner, type LearnerFields } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { withoutUndefined } from './json';

const NO_LEARNERS: Learner[] = [];

/** All active learners of a school, live; sorted by the feature (Latvian collation is a domain rule). */
export function useLearnersOfSchool(schoolId: string | null) {
  return useLiveQuery(
    (db) =>
      db.learners
        .find({
          selector: { schoolId: schoolId ?? '', archived: false },
          sort: [{ lastName: 'asc' }, { firstName: 'asc' }],
        })
        .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as Learner))),
    NO_LEARNERS,
    [schoolId],
  );
}

export function useLearner(id: string | undefined) {
  return useLiveQuery(
    (db) => db.learners.findOne(id ?? '').$.pipe(map((doc) => (doc ? (doc.toMutableJSON() as Learner) : null))),
    null,
    [id],
  );
}

/** Adds a learner to a school. The input is validated again here: the database accepts only whole, valid entities. */
export async function addLearner(db: AtbalstsDatabase, schoolId: string, fields: LearnerFields): Promise<Learner> {
  const now = nowIso();
  const learner = withoutUndefined(
    learnerSchema.parse({
      ...learnerFieldsSchema.parse(fields),
      id: newId(),
      schoolId,
      guardians: [],
      archived: false,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await db.learners.insert(learner);
  return learner;
}

export async function updateLearner(db: AtbalstsDatabase, id: string, fields: LearnerFields): Promise<Learner> {
  const doc = await db.learners.findOne(id).exec();
  if (!doc) throw new Error(`Learner ${id} not found`);
  const parsed = learnerFieldsSchema.parse(fields);
  // The form owns every optional field it shows: one cleared there (birthDate) must leave the stored learner too.
  const { birthDate: _previousBirthDate, ...kept } = doc.toMutableJSON();
  const updated = withoutUndefined(learnerSchema.parse({ ...kept, ...parsed, updatedAt: nowIso() }));
  await doc.incrementalModify(() => updated);
  return updated;
}
