import type { Consultation } from '../activity';
import type { Compensation } from '../activity';
import type { Measure, SupportPlan } from '../plan';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { monthsOf, sameSemester, semesterOf } from './calendar';

export interface MeasureProgress {
  measureId: string;
  kind: Measure['kind'];
  /** Sessions for consultations, cents for compensations. */
  planned: number;
  delivered: number;
  /** delivered / planned, at most 1; null when nothing was planned. */
  share: number | null;
}

export interface PlanProgress {
  measures: MeasureProgress[];
  /** Consultation sessions held with the learner present, over those planned (each measure counted up to its plan). */
  share: number | null;
  meetsTarget: boolean;
}

/** Planned sessions: as written, or hours per month over the semester's months in default-length sessions. */
export function plannedSessions(
  measure: Measure,
  plan: Pick<SupportPlan, 'schoolYear' | 'semester'>,
  profile: ProgrammeProfile,
): number {
  if (measure.plannedSessions !== undefined) return measure.plannedSessions;
  const hours = (measure.plannedHoursPerMonth ?? 0) * monthsOf(plan).length;
  return Math.round((hours * 60) / profile.defaultConsultationMinutes);
}

/**
 * A consultation counts for a measure when linked to it; when linked to the plan only, or to no plan at all (a
 * group consultation), it counts by subject or specialist role, in the plan's school and semester.
 */
function countsFor(measure: Measure, plan: SupportPlan, c: Consultation): boolean {
  if (c.planId && c.planId !== plan.id) return false;
  if (c.measureId) return c.measureId === measure.id;
  if (c.schoolId !== plan.schoolId || !sameSemester(semesterOf(c.date), plan)) return false;
  if (measure.kind === 'subject_consultation') return c.subject !== undefined && c.subject === measure.subject;
  return measure.kind === 'specialist_consultation' && c.staffRole === measure.specialistRole;
}

const ratio = (delivered: number, planned: number) => (planned > 0 ? Math.min(1, delivered / planned) : null);

/**
 * Planned against delivered for each measure and for the plan (target: the profile's share, 90% in PuMPuRS).
 * Only sessions the learner attended count; compensations count once approved or paid.
 */
export function planProgress(
  plan: SupportPlan,
  consultations: readonly Consultation[],
  compensations: readonly Compensation[],
  profile: ProgrammeProfile,
): PlanProgress {
  const measures = plan.measures.map((measure): MeasureProgress => {
    if (measure.kind === 'compensation') {
      const cap = profile.compensations.find((c) => c.code === measure.compensationCategory);
      const periods = cap?.period === 'semester' ? 1 : monthsOf(plan).length;
      const planned = (measure.plannedMonthlyCents ?? 0) * periods;
      const delivered = compensations
        .filter((c) => c.planId === plan.id && c.category === measure.compensationCategory && c.status !== 'requested')
        .reduce((sum, c) => sum + c.amountCents, 0);
      return { measureId: measure.id, kind: measure.kind, planned, delivered, share: ratio(delivered, planned) };
    }
    const planned = plannedSessions(measure, plan, profile);
    const delivered = consultations.filter(
      (c) =>
        countsFor(measure, plan, c) &&
        c.attendees.some((a) => a.learnerId === plan.learnerId && a.attendance === 'attended'),
    ).length;
    return { measureId: measure.id, kind: measure.kind, planned, delivered, share: ratio(delivered, planned) };
  });
  const sessions = measures.filter((m) => m.kind !== 'compensation' && m.planned > 0);
  const planned = sessions.reduce((sum, m) => sum + m.planned, 0);
  const delivered = sessions.reduce((sum, m) => sum + Math.min(m.delivered, m.planned), 0);
  const share = ratio(delivered, planned);
  return { measures, share, meetsTarget: share !== null && share >= profile.deliveredTarget };
}

/**
 * planProgress for many plans at once (a plans list, a school's report): consultations are grouped by the learners
 * who attended them first, so the work grows with plans plus consultations, not with their product.
 */
export function progressOfPlans(
  plans: readonly SupportPlan[],
  consultations: readonly Consultation[],
  compensations: readonly Compensation[],
  /** One profile for all, or each plan's own (plans made under different profiles: each keeps its own target). */
  profile: ProgrammeProfile | ((plan: SupportPlan) => ProgrammeProfile),
): Map<string, PlanProgress> {
  const profileOf = typeof profile === 'function' ? profile : () => profile;
  const attendedBy = new Map<string, Consultation[]>();
  for (const c of consultations)
    for (const a of c.attendees)
      if (a.attendance === 'attended') {
        const list = attendedBy.get(a.learnerId);
        if (list) list.push(c);
        else attendedBy.set(a.learnerId, [c]);
      }
  const paidFor = new Map<string, Compensation[]>();
  for (const c of compensations) {
    const list = paidFor.get(c.planId);
    if (list) list.push(c);
    else paidFor.set(c.planId, [c]);
  }
  return new Map(
    plans.map((plan) => [
      plan.id,
      planProgress(plan, attendedBy.get(plan.learnerId) ?? [], paidFor.get(plan.id) ?? [], profileOf(plan)),
    ]),
  );
}
