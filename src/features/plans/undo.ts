import type { Measure, SupportPlan } from '../../domain';

/**
 * The way back from a removal on the plan page (issue 13.6), applied to the plan as stored when "Atsaukt" is pressed:
 * what colleagues changed meanwhile stays, and pressing twice restores once.
 */

/** Puts a removed measure back where it was, with everything typed in it. */
export function restoreMeasure(plan: SupportPlan, measure: Measure, index: number): SupportPlan {
  if (plan.measures.some((m) => m.id === measure.id)) return plan;
  const measures = [...plan.measures];
  measures.splice(Math.min(index, measures.length), 0, measure);
  return { ...plan, measures };
}

/**
 * Ticks an unticked risk again with its note, and links it again to the measures (still there) that answered it
 * in `before`, the plan as it was when the risk was unticked.
 */
export function restoreRisk(plan: SupportPlan, before: SupportPlan, riskId: string): SupportPlan {
  const risk = before.risks.find((r) => r.id === riskId);
  if (!risk || plan.risks.some((r) => r.code === risk.code)) return plan;
  const linked = new Set(before.measures.filter((m) => m.riskIds.includes(riskId)).map((m) => m.id));
  const index = before.risks.indexOf(risk);
  const risks = [...plan.risks];
  risks.splice(Math.min(index, risks.length), 0, risk);
  return {
    ...plan,
    risks,
    measures: plan.measures.map((m) =>
      linked.has(m.id) && !m.riskIds.includes(riskId) ? { ...m, riskIds: [...m.riskIds, riskId] } : m,
    ),
  };
}
