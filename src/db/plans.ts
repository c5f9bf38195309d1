import { map } from 'rxjs';
import {
  draftPlan,
  profileForSchoolYear,
  supportPlanSchema,
  type PlanDraftInput,
  type SchoolSemester,
  type StoredProfile,
  type SupportPlan,
} from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NO_PLANS: SupportPlan[] = [];

export class PlanExistsError extends Error {
  constructor(readonly planId: string) {
    super('This learner already has a plan for that semester');
  }
}

export function usePlansOfLearner(learnerId: string | undefined) {
  return useLiveQuery(
    (db) =>
      db.plans
        .find({ selector: { learnerId: learnerId ?? '' } })
        .$.pipe(
          map((docs) =>
            docs
              .map((doc) => doc.toMutableJSON() as SupportPlan)
              .sort((a, b) => `${b.schoolYear}${b.semester}`.localeCompare(`${a.schoolYear}${a.semester}`)),
          ),
        ),
    NO_PLANS,
    [learnerId],
  );
}

/** Plans of a school in a semester (the "my plans" list filters by preparer, which no index can hold). */
export function usePlansOfSemester(schoolId: string | null, { schoolYear, semester }: SchoolSemester) {
  return useLiveQuery(
    (db) =>
      db.plans
        .find({ selector: { schoolId: schoolId ?? '', schoolYear, semester } })
        .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as SupportPlan))),
    NO_PLANS,
    [schoolId, schoolYear, semester],
  );
}

export function usePlan(id: string | undefined) {
  return useLiveQuery(
    (db) => db.plans.findOne(id ?? '').$.pipe(map((doc) => (doc ? (doc.toMutableJSON() as SupportPlan) : null))),
    null,
    [id],
  );
}

/**
 * Stores a new draft for a learner and semester (domain/rules/planEdits draftPlan: blank, or carried over from an
 * earlier plan). One plan per learner and semester; an inactive one does not block a new start. Unless told, the plan
 * is made under the profile its school year uses (profileForSchoolYear), and keeps it.
 */
export async function createPlan(db: AtbalstsDatabase, input: PlanDraftInput): Promise<SupportPlan> {
  const existing = await db.plans
    .find({
      selector: {
        learnerId: input.learnerId,
        schoolYear: input.semester.schoolYear,
        semester: input.semester.semester,
      },
    })
    .exec();
  const blocking = existing.find((doc) => doc.status !== 'inactive');
  if (blocking) throw new PlanExistsError(blocking.id);

  // A database opened without the profiles collection (a test's, with only what it needs) knows only the built-in.
  const profiles = (db as Partial<AtbalstsDatabase>).profiles;
  const stored = profiles ? (await profiles.find().exec()).map((doc) => doc.toMutableJSON() as StoredProfile) : [];
  const profileId = input.profileId ?? profileForSchoolYear(stored, input.semester.schoolYear).id;
  const plan = supportPlanSchema.parse(draftPlan({ ...input, profileId }, newId, nowIso()));
  await db.plans.insert(plainJson(plan));
  return plan;
}

/**
 * Applies one change to the plan as it is stored now. The change is a function of the current state, so an edit
 * that arrived from another device meanwhile is kept rather than overwritten (RxDB re-runs it on a clash).
 * Whatever comes out is validated again: the database accepts only whole, valid plans.
 */
export async function updatePlan(
  db: AtbalstsDatabase,
  id: string,
  change: (current: SupportPlan, now: string) => SupportPlan,
): Promise<SupportPlan> {
  const doc = await db.plans.findOne(id).exec();
  if (!doc) throw new Error(`Plan ${id} not found`);
  let result: SupportPlan | null = null;
  await doc.incrementalModify((current) => {
    // One moment per edit: a workflow step's entry and the plan's updatedAt must agree, or the history would show
    // the step and, a millisecond later, an unexplained "last change".
    const now = nowIso();
    const next = plainJson(supportPlanSchema.parse({ ...change(current as SupportPlan, now), updatedAt: now }));
    result = next;
    return next;
  });
  return result as unknown as SupportPlan;
}
