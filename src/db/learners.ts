import { map } from 'rxjs';
import {
  consentSchema,
  guardianSchema,
  learnerExitSchema,
  learnerFieldsSchema,
  learnerSchema,
  applyFormEdits,
  formEdits,
  type Consent,
  type Guardian,
  type Learner,
  type LearnerExit,
  type LearnerFields,
} from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson, withoutUndefined } from './json';

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

/**
 * These learners, archived or not, live: a past month's records (a timesheet) name learners who have since left.
 * Only those this device holds are found, which are those the server lets this person read.
 */
export function useLearnersByIds(ids: readonly string[]) {
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(
    (db) =>
      db.learners
        .find({ selector: { id: { $in: key ? key.split(',') : [] } } })
        .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as Learner))),
    NO_LEARNERS,
    [key],
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

/**
 * Saves a learner's form. Only the fields changed from `openedWith` (the values the form showed when opened) are
 * written, onto the learner as stored at write time: an edit that sync brought meanwhile is kept, not overwritten
 * with what the form was opened with. An optional field emptied in the form (birthDate) leaves the learner.
 */
export async function updateLearner(
  db: AtbalstsDatabase,
  id: string,
  fields: LearnerFields,
  openedWith: Partial<LearnerFields>,
): Promise<Learner> {
  const edits = formEdits<Partial<LearnerFields>>(openedWith, learnerFieldsSchema.parse(fields));
  return modifyLearner(db, id, (current) => applyFormEdits(current, edits));
}

/**
 * Applies a change to the stored learner as it is at write time (so a guardian added meanwhile on this device is
 * kept) and validates the whole entity: the database accepts only valid learners.
 */
async function modifyLearner(
  db: AtbalstsDatabase,
  id: string,
  change: (learner: Learner) => Learner,
): Promise<Learner> {
  const doc = await db.learners.findOne(id).exec();
  if (!doc) throw new Error(`Learner ${id} not found`);
  let result: Learner | undefined;
  await doc.incrementalModify((current) => {
    result = plainJson(learnerSchema.parse({ ...change(current as Learner), updatedAt: nowIso() }));
    return result;
  });
  if (!result) throw new Error(`Learner ${id} was not changed`);
  return result;
}

/** Adds a parent or guardian (no id yet) or replaces the one with the same id; the rest of the learner is kept. */
export async function saveGuardian(
  db: AtbalstsDatabase,
  learnerId: string,
  input: Omit<Guardian, 'id'> & { id?: string | undefined },
): Promise<Guardian> {
  const guardian = plainJson(guardianSchema.parse({ ...input, id: input.id ?? newId() }));
  await modifyLearner(db, learnerId, (learner) => {
    const exists = learner.guardians.some((g) => g.id === guardian.id);
    return {
      ...learner,
      guardians: exists
        ? learner.guardians.map((g) => (g.id === guardian.id ? guardian : g))
        : [...learner.guardians, guardian],
    };
  });
  return guardian;
}

export async function removeGuardian(db: AtbalstsDatabase, learnerId: string, guardianId: string): Promise<Learner> {
  return modifyLearner(db, learnerId, (learner) => ({
    ...learner,
    guardians: learner.guardians.filter((g) => g.id !== guardianId),
  }));
}

/** Records the signed application / consent (or, with null, removes one entered by mistake). */
export async function setConsent(db: AtbalstsDatabase, learnerId: string, consent: Consent | null): Promise<Learner> {
  const parsed = consent ? consentSchema.parse(consent) : null;
  return modifyLearner(db, learnerId, ({ consent: _previous, ...learner }) =>
    parsed ? { ...learner, consent: parsed } : learner,
  );
}

/**
 * Records that the learner left the school (or, with null, takes back an exit recorded by mistake): an exit archives
 * the learner, off the lists, and undoing it brings them back.
 */
export async function setExit(db: AtbalstsDatabase, learnerId: string, exit: LearnerExit | null): Promise<Learner> {
  const parsed = exit ? learnerExitSchema.parse(exit) : null;
  return modifyLearner(db, learnerId, ({ exit: _previous, ...learner }) =>
    parsed ? { ...learner, exit: parsed, archived: true } : { ...learner, archived: false },
  );
}
