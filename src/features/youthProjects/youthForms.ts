import {
  durationProblem,
  grantProblem,
  sheetProblem,
  youthApplicantKinds,
  youthApplicationSchema,
  youthCompetitionSchema,
  type ProgrammeProfile,
  type YouthApplication,
  type YouthCompetition,
  type YouthFinalReport,
  type YouthScoreSheet,
} from '../../domain';
import { fieldErrorsFrom, type FieldErrors, type Validated } from '../forms';
import { centsToInput, linesOf, parseEuros } from './format';

const problem = (code: string) => ({ key: `youthProjects:problem.${code.replace(/^youthProject\./, '')}` });
const whole = (text: string): number | null => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null);
const invalid = { key: 'common:validation.invalid' };

export interface CompetitionFormValues {
  title: string;
  opens: string;
  deadline: string;
  budget: string;
  /** One criterion per line: its title, a semicolon, its maximum score ("Atbilstība mērķiem; 10"). */
  criteria: string;
  /** One required document per line. */
  documents: string;
  /** The commission's directory ids, one per line. */
  commission: string;
}

export const emptyCompetitionValues = (today: string): CompetitionFormValues => ({
  title: '',
  opens: today,
  deadline: '',
  budget: '',
  criteria: '',
  documents: '',
  commission: '',
});

/** The announce form's values as a competition under `profileId`; a message per field otherwise. */
export function toCompetition(
  values: CompetitionFormValues,
  profileId: string,
): Validated<keyof CompetitionFormValues, YouthCompetition> {
  const errors: FieldErrors<keyof CompetitionFormValues> = {};
  const budgetCents = parseEuros(values.budget);
  if (budgetCents === null) errors.budget = invalid;
  const criteria = linesOf(values.criteria).map((line, i) => {
    const at = line.lastIndexOf(';');
    const max = at < 0 ? null : whole(line.slice(at + 1));
    return { id: `k${i + 1}`, title: at < 0 ? line : line.slice(0, at).trim(), maxScore: max ?? -1 };
  });
  if (criteria.length === 0 || criteria.some((c) => c.maxScore < 1 || c.title === ''))
    errors.criteria = problem('criteriaFormat');
  const candidate = {
    title: values.title,
    profileId,
    opens: values.opens,
    deadline: values.deadline,
    budgetCents: budgetCents ?? 0,
    criteria,
    requiredDocuments: linesOf(values.documents).map((title, i) => ({ id: `d${i + 1}`, title })),
    commission: linesOf(values.commission),
  };
  const parsed = youthCompetitionSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error);
    const map: Record<string, keyof CompetitionFormValues> = {
      title: 'title',
      opens: 'opens',
      deadline: 'deadline',
      budgetCents: 'budget',
      criteria: 'criteria',
      requiredDocuments: 'documents',
      commission: 'commission',
    };
    for (const [field, error] of Object.entries(fields)) {
      const target = map[field];
      if (target && !errors[target]) errors[target] = error;
    }
  }
  if (!errors.deadline && values.deadline !== '' && values.opens !== '' && values.deadline < values.opens)
    errors.deadline = problem('datesOrder');
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export interface ApplicationFormValues {
  title: string;
  organisation: string;
  applicantKind: string;
  /** 'yes' when together with a youth initiative group. */
  withInitiativeGroup: string;
  contact: string;
  partners: string;
  activities: string;
  atRiskParticipants: string;
  startMonth: string;
  months: string;
  /** Received document ids, one per line. */
  documentsReceived: string;
}

export const emptyApplicationValues = (startMonth: string): ApplicationFormValues => ({
  title: '',
  organisation: '',
  applicantKind: youthApplicantKinds[1],
  withInitiativeGroup: '',
  contact: '',
  partners: '',
  activities: '',
  atRiskParticipants: '',
  startMonth,
  months: '',
  documentsReceived: '',
});

export function applicationValuesOf(a: YouthApplication): ApplicationFormValues {
  return {
    title: a.title,
    organisation: a.organisation,
    applicantKind: a.applicantKind ?? '',
    withInitiativeGroup: a.withInitiativeGroup ? 'yes' : '',
    contact: a.contact,
    partners: a.partners.join('\n'),
    activities: a.activities,
    atRiskParticipants: String(a.atRiskParticipants),
    startMonth: a.startMonth,
    months: String(a.months),
    documentsReceived: a.documentsReceived.join('\n'),
  };
}

export type ApplicationFields = Pick<
  YouthApplication,
  | 'title'
  | 'organisation'
  | 'applicantKind'
  | 'withInitiativeGroup'
  | 'contact'
  | 'partners'
  | 'activities'
  | 'atRiskParticipants'
  | 'startMonth'
  | 'months'
  | 'documentsReceived'
>;

/** The application form's values, with the duration held to the profile's bounds (3–18 months under PuMPuRS). */
export function toApplicationFields(
  values: ApplicationFormValues,
  profile: ProgrammeProfile,
): Validated<keyof ApplicationFormValues, ApplicationFields> {
  const errors: FieldErrors<keyof ApplicationFormValues> = {};
  const atRisk = whole(values.atRiskParticipants);
  const months = whole(values.months);
  if (atRisk === null) errors.atRiskParticipants = invalid;
  if (months === null) errors.months = invalid;
  else if (durationProblem(months, profile))
    errors.months = { ...problem('durationOutOfRange'), values: { ...profile.youthProject } };
  const kind = youthApplicantKinds.find((k) => k === values.applicantKind);
  const fields = {
    title: values.title,
    organisation: values.organisation,
    ...(kind ? { applicantKind: kind } : {}),
    withInitiativeGroup: values.withInitiativeGroup === 'yes',
    contact: values.contact,
    partners: linesOf(values.partners),
    activities: values.activities,
    atRiskParticipants: atRisk ?? 0,
    startMonth: values.startMonth,
    months: months ?? 0,
    documentsReceived: linesOf(values.documentsReceived),
  };
  const parsed = youthApplicationSchema
    .pick({
      title: true,
      organisation: true,
      applicantKind: true,
      withInitiativeGroup: true,
      contact: true,
      partners: true,
      activities: true,
      atRiskParticipants: true,
      startMonth: true,
      months: true,
      documentsReceived: true,
    })
    .safeParse(fields);
  if (!parsed.success) {
    for (const [field, error] of Object.entries(fieldErrorsFrom(parsed.error))) {
      const key = field as keyof ApplicationFormValues;
      if (key in values && !errors[key]) errors[key] = error;
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** A member's score sheet form: one text per criterion id. */
export type SheetValues = Record<string, string>;

export function sheetValuesOf(sheet: YouthScoreSheet | undefined, competition: YouthCompetition): SheetValues {
  return Object.fromEntries(
    competition.criteria.map((c) => {
      const score = sheet?.scores.find((s) => s.criterionId === c.id)?.score;
      return [c.id, score === undefined ? '' : String(score)];
    }),
  );
}

/** The sheet as typed; a criterion left empty stays unscored (the sheet counts once every one is scored). */
export function toSheet(
  memberId: string,
  values: SheetValues,
  competition: YouthCompetition,
): Validated<string, YouthScoreSheet> {
  const errors: FieldErrors = {};
  const scores: YouthScoreSheet['scores'] = [];
  for (const criterion of competition.criteria) {
    const text = (values[criterion.id] ?? '').trim();
    if (text === '') continue;
    const score = whole(text);
    if (score === null || score > criterion.maxScore)
      errors[criterion.id] = { ...problem('scoreOverMax'), values: { max: criterion.maxScore } };
    else scores.push({ criterionId: criterion.id, score });
  }
  const sheet = { id: memberId, scores };
  if (Object.keys(errors).length) return { ok: false, errors };
  return sheetProblem(sheet, competition) ? { ok: false, errors: { form: invalid } } : { ok: true, value: sheet };
}

export interface DecisionValues {
  outcome: string;
  grant: string;
  reason: string;
}

export type Decision = Pick<YouthApplication, 'status' | 'decisionReason' | 'grantCents'>;

/**
 * Approve with the grant (which must be exactly the profile's amount, "ne vairāk un ne mazāk") or reject with a
 * reason. The form offers the amount; another typed amount is refused here, as the server refuses it.
 */
export function toDecision(
  values: DecisionValues,
  profile: ProgrammeProfile,
): Validated<keyof DecisionValues, Decision> {
  if (values.outcome === 'rejected') {
    if (values.reason.trim() === '') return { ok: false, errors: { reason: problem('reasonMissing') } };
    return { ok: true, value: { status: 'rejected', decisionReason: values.reason.trim(), grantCents: undefined } };
  }
  if (values.outcome !== 'approved') return { ok: false, errors: { outcome: invalid } };
  const cents = parseEuros(values.grant);
  if (cents === null) return { ok: false, errors: { grant: invalid } };
  if (grantProblem({ status: 'approved', grantCents: cents }, profile))
    return {
      ok: false,
      errors: {
        grant: {
          ...problem('grantNotProgrammeAmount'),
          values: { amount: centsToInput(profile.youthProject.grantCents) },
        },
      },
    };
  return { ok: true, value: { status: 'approved', decisionReason: values.reason.trim(), grantCents: cents } };
}

export interface ReportValues {
  activities: string;
  participants: string;
  atRiskParticipants: string;
  spent: string;
}

export const reportValuesOf = (r: YouthFinalReport | undefined): ReportValues => ({
  activities: r?.activities ?? '',
  participants: r ? String(r.participants) : '',
  atRiskParticipants: r ? String(r.atRiskParticipants) : '',
  spent: r?.spentCents === undefined ? '' : String(r.spentCents / 100).replace('.', ','),
});

/** The final report; at-risk participants are some of the participants, and the money spent is reported. */
export function toReport(values: ReportValues): Validated<keyof ReportValues, YouthFinalReport> {
  const errors: FieldErrors<keyof ReportValues> = {};
  const participants = whole(values.participants);
  const atRisk = whole(values.atRiskParticipants);
  const spentCents = parseEuros(values.spent);
  if (participants === null) errors.participants = invalid;
  if (atRisk === null) errors.atRiskParticipants = invalid;
  else if (participants !== null && atRisk > participants)
    errors.atRiskParticipants = problem('atRiskOverParticipants');
  if (spentCents === null) errors.spent = invalid;
  if (values.activities.trim() === '') errors.activities = { key: 'common:validation.required' };
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      activities: values.activities.trim(),
      participants: participants ?? 0,
      atRiskParticipants: atRisk ?? 0,
      spentCents: spentCents ?? 0,
    },
  };
}
