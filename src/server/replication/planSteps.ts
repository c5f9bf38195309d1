import {
  canDeletePlan,
  contentLockProblem,
  editLogProblem,
  statusChangeProblem,
  type Compensation,
  type School,
  type SupportPlan,
} from '../../domain';
import type { AuthenticatedUser } from '../auth/scope';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import { readLearners } from './learnerReferences';
import { profileChanged, readPushProfiles } from './planProfiles';
import type { RuleCheck } from './writeCheck';

/**
 * A plan's status moves only along the workflow (domain/rules/planWorkflow): a device cannot push "approved" for a
 * plan nobody approved. Its content is locked once it leaves preparation (rules/planContentLock): approving plan A
 * does not let plan B through. And a plan with money paid on it is never deleted (canDeletePlan): it may be made
 * inactive.
 * Runs in the push's transaction on validated plans; the schools and learners it needs are share-locked, and the
 * paid compensations of a plan being deleted are read under that plan's payment lock (pushLocks.ts), so a payment
 * recorded at the same moment on another process is seen. Every rule that depends on the programme (caps, risk grid,
 * measure kinds) is judged by the plan's own profile, which it keeps from its creation (planProfiles.ts).
 */
export async function planStepCheck(
  tx: Queryable,
  actor: AuthenticatedUser,
  rows: readonly ValidRow[],
): Promise<RuleCheck> {
  const plans = rows.map((r) => r.next as unknown as SupportPlan);
  const schoolIds = [...new Set(plans.map((p) => p.schoolId))];
  const schools = new Map(
    (
      await tx.query<{ data: School }>(
        `SELECT data FROM documents WHERE collection = 'schools' AND id = ANY($1::text[]) ORDER BY id FOR SHARE`,
        [schoolIds],
      )
    ).map(({ data }) => [data.id, data]),
  );
  const learners = await readLearners(
    tx,
    plans.map((p) => p.learnerId),
  );
  const profiles = await readPushProfiles(tx);
  const deletedIds = rows.filter((r) => r.next._deleted).map((r) => r.id);
  const payments = deletedIds.length
    ? (
        await tx.query<{ data: Compensation }>(
          `SELECT data FROM documents WHERE collection = 'compensations' AND NOT deleted
             AND data->>'planId' = ANY($1::text[]) AND data->>'status' = 'paid'`,
          [deletedIds],
        )
      ).map(({ data }) => data)
    : [];

  return {
    check(previous, next) {
      const plan = next as unknown as SupportPlan;
      const deletes = next._deleted && previous !== null && !previous._deleted;
      if (deletes && !canDeletePlan(plan.id, payments)) return 'planHasPaidCompensation';
      const school = schools.get(plan.schoolId);
      if (!school) return 'planStepNotAllowed';
      const prior = previous as unknown as SupportPlan | null;
      if (profileChanged(prior, plan)) return 'planProfileChanged';
      const profile = profiles.ofPlan(plan);
      if (!profile) return 'planProfileUnknown';
      // A learner not yet on the server is judged by the widest rules; their own push is checked on its own.
      const learner = learners.get(plan.learnerId) ?? { programme: 'vocational' as const };
      const problem = statusChangeProblem(previous as unknown as SupportPlan | null, plan, {
        actor,
        school,
        learner,
        profile,
      });
      if (problem) return 'planStepNotAllowed';
      // Each edit listed in the plan's history is in the name of the person who made it: none in another's.
      const edits = editLogProblem(prior?.edits, plan.edits, actor.userId);
      if (edits) return edits.code;
      // What the director approved is what runs: content changes only while the plan is prepared (or revised).
      return contentLockProblem(previous as unknown as SupportPlan | null, plan)?.code ?? null;
    },
  };
}
