import { map } from 'rxjs';
import type { Learner, SchoolSemester, SupportPlan } from '../domain';
import { useLiveQuery } from './hooks/useLiveQuery';

const NO_PLANS: SupportPlan[] = [];
const NO_LEARNERS: Learner[] = [];

/**
 * Across every school this device holds — which is the person's reach, as the server replicates nothing else: a
 * municipal coordinator's plans waiting for her approval are in any of her schools, not only the one chosen
 * (issue 13.4).
 */
export function usePlansOfSemesterInReach({ schoolYear, semester }: SchoolSemester, enabled = true) {
  return useLiveQuery(
    (db) =>
      db.plans
        .find({ selector: enabled ? { schoolYear, semester } : { id: '' } })
        .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as SupportPlan))),
    NO_PLANS,
    [schoolYear, semester, enabled],
  );
}

/** Every active learner this device holds (see usePlansOfSemesterInReach). */
export function useLearnersInReach(enabled = true) {
  return useLiveQuery(
    (db) =>
      db.learners
        .find({ selector: enabled ? { archived: false } : { id: '' } })
        .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as Learner))),
    NO_LEARNERS,
    [enabled],
  );
}
