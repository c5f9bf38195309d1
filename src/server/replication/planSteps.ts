import { defaultProfile, statusChangeProblem, type Learner, type School, type SupportPlan } from '../../domain';
import type { AuthenticatedUser } from '../auth/scope';
import type { Queryable } from '../store/store';
import type { WriteCheck } from './documents';

/**
 * A plan's status moves only along the workflow (domain/rules/planWorkflow): a device cannot push "approved" for a
 * plan nobody approved. The schools and learners the check needs are read once per push, before its transaction.
 */
export async function planStepCheck(
  db: Queryable,
  actor: AuthenticatedUser,
  rows: readonly { newDocumentState: unknown }[],
): Promise<WriteCheck> {
  // Not validated yet (that happens in the push): anything that is not an object simply finds nothing here.
  const plans = rows
    .map((r) => r.newDocumentState)
    .filter((d): d is Partial<SupportPlan> => typeof d === 'object' && d !== null);
  const schoolIds = [...new Set(plans.map((p) => String(p.schoolId)))];
  const learnerIds = [...new Set(plans.map((p) => String(p.learnerId)))];
  const schools = new Map(
    (
      await db.query<{ data: School }>(
        `SELECT data FROM documents WHERE collection = 'schools' AND id = ANY($1::text[])`,
        [schoolIds],
      )
    ).map(({ data }) => [data.id, data]),
  );
  const learners = new Map(
    (
      await db.query<{ data: Learner }>(
        `SELECT data FROM documents WHERE collection = 'learners' AND id = ANY($1::text[])`,
        [learnerIds],
      )
    ).map(({ data }) => [data.id, data]),
  );
  return (previous, next) => {
    const plan = next as unknown as SupportPlan;
    const school = schools.get(plan.schoolId);
    if (!school) return 'planStepNotAllowed';
    // A learner not yet on the server is judged by the widest rules; their own push is checked on its own.
    const learner = learners.get(plan.learnerId) ?? { programme: 'vocational' as const };
    const problem = statusChangeProblem(previous as unknown as SupportPlan | null, plan, {
      actor,
      school,
      learner,
      profile: defaultProfile,
    });
    return problem ? 'planStepNotAllowed' : null;
  };
}
