import {
  checkPlannedCompensation,
  measureSchema,
  type Learner,
  type Measure,
  type PlanRisk,
  type ProgrammeProfile,
} from '../../domain';
import { boundsOf, formErrorsOf, numberFrom, type FieldErrors, type Validated } from '../forms';
import { centsToInput, parseEuros } from './money';

/** What the measure form holds: text, and the ticked risks. */
export interface MeasureFormValues {
  kind: string;
  subject: string;
  specialistRole: string;
  plannedSessions: string;
  category: string;
  amount: string;
  riskIds: readonly string[];
  justification: string;
}
export type MeasureField = keyof MeasureFormValues;

/** A measure as the form shows it; a new one starts at the profile's first choices. */
export const measureFormValues = (
  m: Measure | undefined,
  profile: ProgrammeProfile,
  risks: readonly PlanRisk[],
): MeasureFormValues => ({
  kind: m?.kind ?? 'subject_consultation',
  subject: m?.subject ?? profile.subjects[0] ?? '',
  specialistRole: m?.specialistRole ?? profile.specialistRoles[0] ?? '',
  plannedSessions: m?.plannedSessions !== undefined ? String(m.plannedSessions) : '',
  category: m?.compensationCategory ?? profile.compensations[0]?.code ?? '',
  amount: centsToInput(m?.plannedMonthlyCents),
  // With a single risk on the plan a new measure answers it: ticking it again was a needless step (issue 13.7).
  riskIds: m?.riskIds ?? (risks.length === 1 && risks[0] ? [risks[0].id] : []),
  justification: m?.justification ?? '',
});

export interface MeasureFormContext {
  /** The measure's id: its own when edited, a new one otherwise. */
  id: string;
  profile: ProgrammeProfile;
  programme: Learner['programme'];
  /** Cents as the person reads euros, for the cap a planned amount exceeds. */
  euros: (cents: number) => string;
}

const FIELD_OF: Record<string, MeasureField> = {
  kind: 'kind',
  subject: 'subject',
  specialistRole: 'specialistRole',
  plannedSessions: 'plannedSessions',
  compensationCategory: 'category',
  plannedMonthlyCents: 'amount',
  riskIds: 'riskIds',
  justification: 'justification',
};

/**
 * The measure the form's values make, judged by the measure schema (its limits: the planned sessions' range, the
 * justification's length, the amount's) and by the plan's own rules the schema cannot know: a measure answers at
 * least one risk and says why, a consultation plans its sessions, a compensation keeps to the profile's cap and to
 * the programmes it is for. Each problem is named next to its field.
 */
export function toMeasure(
  values: MeasureFormValues,
  { id, profile, programme, euros }: MeasureFormContext,
): Validated<MeasureField, Measure> {
  const base = { id, kind: values.kind, riskIds: [...values.riskIds], justification: values.justification.trim() };
  const rules: FieldErrors<MeasureField> = {};
  if (base.riskIds.length === 0) rules.riskIds = { key: 'plans:errors.chooseRisk' };
  if (!base.justification) rules.justification = { key: 'plans:errors.required' };
  let candidate: object;
  if (values.kind === 'compensation') {
    const cents = parseEuros(values.amount);
    candidate = { ...base, compensationCategory: values.category, plannedMonthlyCents: cents ?? Number.NaN };
    const check = cents === null ? null : checkPlannedCompensation(profile, values.category, cents, programme);
    if (check?.code === 'overCap')
      rules.amount = { key: 'plans:errors.overCap', values: { amount: euros(check.capCents) } };
    else if (check) rules.category = { key: 'plans:errors.vocationalOnly' };
  } else {
    // A consultation measure plans its sessions: nothing typed is not "none planned" (NaN, which the schema refuses).
    const plannedSessions = numberFrom(values.plannedSessions) ?? Number.NaN;
    candidate =
      values.kind === 'subject_consultation'
        ? { ...base, subject: values.subject, plannedSessions }
        : { ...base, specialistRole: values.specialistRole, plannedSessions };
  }
  const parsed = measureSchema.safeParse(candidate);
  const errors: FieldErrors<MeasureField> = {
    ...(parsed.success
      ? {}
      : formErrorsOf(parsed.error, (field) => FIELD_OF[field] ?? null, {
          plannedSessions: { key: 'plans:errors.sessions', values: boundsOf(measureSchema.shape.plannedSessions) },
          amount: { key: 'plans:errors.amount' },
        })),
    ...rules,
  };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
