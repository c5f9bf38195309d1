import type { TFunction } from 'i18next';
import type { Measure, PlanProblem, SupportPlan } from '../../domain';
import { formatEuros } from './money';

/** A measure in a few words: its kind and what it is about ("Subject consultations: Mathematics"). */
export function measureLabel(measure: Measure, t: TFunction): string {
  const kind = t(`plans:measures.kinds.${measure.kind}`);
  const topic =
    measure.kind === 'subject_consultation' && measure.subject
      ? t(`profile:subject.${measure.subject}`)
      : measure.kind === 'specialist_consultation' && measure.specialistRole
        ? t(`profile:specialistRole.${measure.specialistRole}`)
        : measure.kind === 'compensation' && measure.compensationCategory
          ? t(`profile:compensation.${measure.compensationCategory}`)
          : null;
  return topic ? `${kind}: ${topic}` : kind;
}

/** A rule's refusal as a sentence in the person's language, naming the measure concerned. */
export function problemText(problem: PlanProblem, plan: SupportPlan, t: TFunction, language: string): string {
  const measure = 'measureId' in problem ? plan.measures.find((m) => m.id === problem.measureId) : undefined;
  const values = {
    measure: measure ? measureLabel(measure, t) : '',
    status: 'status' in problem ? t(`plans:status.${problem.status}`) : '',
    amount: 'capCents' in problem ? formatEuros(problem.capCents, language) : '',
    risk: 'riskCode' in problem ? t(`profile:risk.${problem.riskCode}`, { defaultValue: problem.riskCode }) : '',
  };
  return t(`plans:problems.${problem.code}`, values);
}
