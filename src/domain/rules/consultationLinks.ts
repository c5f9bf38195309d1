import type { Measure, SupportPlan } from '../plan';

export interface Staff {
  userId: string;
  subjects: readonly string[];
  specialistRoles: readonly string[];
}

const ACTIVE: readonly SupportPlan['status'][] = ['approved', 'in_progress'];

/** Is this measure one the staff member delivers: named for them, or of their subject or specialist role? */
function isTheirs(measure: Measure, staff: Staff): boolean {
  if (measure.kind === 'compensation') return false;
  if (measure.staffId) return measure.staffId === staff.userId;
  if (measure.kind === 'subject_consultation')
    return measure.subject !== undefined && staff.subjects.includes(measure.subject);
  return measure.specialistRole !== undefined && staff.specialistRoles.includes(measure.specialistRole);
}

/** The approved or running plans a staff member consults on: those with a measure that is theirs. */
export function plansOfStaff(plans: readonly SupportPlan[], staff: Staff): SupportPlan[] {
  return plans.filter((p) => ACTIVE.includes(p.status) && p.measures.some((m) => isTheirs(m, staff)));
}

/**
 * The plan and measure a consultation with one learner counts for: the learner's active plan, and its measure
 * for this subject (or specialist role). Group consultations are linked per learner by the same rule when counted.
 */
export function measureFor(
  plans: readonly SupportPlan[],
  learnerId: string,
  consultation: { staffRole: string; subject?: string | undefined },
): { planId: string; measureId: string } | null {
  for (const plan of plans) {
    if (plan.learnerId !== learnerId || !ACTIVE.includes(plan.status)) continue;
    const measure = plan.measures.find((m) =>
      consultation.staffRole === 'subject_teacher'
        ? m.kind === 'subject_consultation' && m.subject === consultation.subject
        : m.kind === 'specialist_consultation' && m.specialistRole === consultation.staffRole,
    );
    if (measure) return { planId: plan.id, measureId: measure.id };
  }
  return null;
}
