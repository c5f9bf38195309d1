import type { PlanStatus, SupportPlan } from '../plan';
import type { ProgrammeProfile } from '../profile/programmeProfile';

/** The list filters that look at a learner's plan this semester; '' means "any". */
export interface PlanFilter {
  /** A status, or 'none' for learners without a plan. */
  planStatus: PlanStatus | 'none' | '';
  /** A risk group of the profile: learners whose plan names a risk of it. */
  riskGroup: string;
  /** A user id: learners whose plan this person prepares. */
  preparedBy: string;
}

export const NO_PLAN_FILTER: PlanFilter = { planStatus: '', riskGroup: '', preparedBy: '' };

/** Does a learner, with their plan of the semester (if any), pass the filters? */
export function matchesPlanFilter(
  plan: SupportPlan | undefined,
  filter: PlanFilter,
  profile: ProgrammeProfile,
): boolean {
  if (filter.planStatus === 'none' && plan) return false;
  if (filter.planStatus && filter.planStatus !== 'none' && plan?.status !== filter.planStatus) return false;
  if (filter.riskGroup) {
    const items = profile.riskGroups.find((g) => g.code === filter.riskGroup)?.items ?? [];
    if (!plan?.risks.some((r) => items.includes(r.code))) return false;
  }
  if (filter.preparedBy && !plan?.preparerIds.includes(filter.preparedBy)) return false;
  return true;
}

/** The plan that speaks for a learner this semester: an active one rather than an inactive one. */
export function currentPlans(plans: readonly SupportPlan[]): Map<string, SupportPlan> {
  const byLearner = new Map<string, SupportPlan>();
  for (const plan of plans) {
    const known = byLearner.get(plan.learnerId);
    if (!known || known.status === 'inactive') byLearner.set(plan.learnerId, plan);
  }
  return byLearner;
}
