import { nextRiskCode, profileProblems, type StoredProfile } from '../../domain';
import { parseEuros } from './labels';

/** The edit form's fields as typed: amounts in euros, the target in percent, years and months as text. */
export interface ProfileFormValues {
  title: string;
  yearsFrom: string;
  yearsTo: string;
  /** Compensation code → the cap in euros as typed; '' is no cap. */
  caps: Record<string, string>;
  deliveredTarget: string;
  grant: string;
  minMonths: string;
  maxMonths: string;
  riskGroups: StoredProfile['riskGroups'];
  riskLabels: StoredProfile['riskLabels'];
}

export type ProfileFormError = 'title' | 'years' | 'amount' | 'percent' | 'months' | 'emptyGroup';
/** Field → the error key (programmeProfiles:form.errors.<key>); a cap's field is `cap.<code>`. */
export type ProfileFormErrors = Partial<Record<string, ProfileFormError>>;

const euros = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ','));

export function formValuesOf(profile: StoredProfile): ProfileFormValues {
  return {
    title: profile.title,
    yearsFrom: String(profile.years.from),
    yearsTo: String(profile.years.to),
    caps: Object.fromEntries(
      profile.compensations.map((c) => [c.code, c.capCents === undefined ? '' : euros(c.capCents)]),
    ),
    deliveredTarget: String(Math.round(profile.deliveredTarget * 1000) / 10).replace('.', ','),
    grant: euros(profile.youthProject.grantCents),
    minMonths: String(profile.youthProject.minMonths),
    maxMonths: String(profile.youthProject.maxMonths),
    riskGroups: profile.riskGroups.map((g) => ({ code: g.code, items: [...g.items] })),
    riskLabels: profile.riskLabels.map((l) => ({ ...l })),
  };
}

const wholeNumber = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
};

/** A percentage as typed ("90", "87,5") as a share (0.9, 0.875); null outside 0–100. */
export function parsePercent(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(normalised)) return null;
  const n = Number(normalised);
  return n <= 100 ? Math.round(n * 10) / 1000 : null;
}

/** The form applied to the profile being edited, or what is wrong with it, field by field. */
export function applyProfileForm(
  base: StoredProfile,
  values: ProfileFormValues,
): { ok: true; profile: StoredProfile } | { ok: false; errors: ProfileFormErrors } {
  const errors: ProfileFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'title';
  const from = wholeNumber(values.yearsFrom, 2000, 2100);
  const to = wholeNumber(values.yearsTo, 2000, 2100);
  if (from === null || to === null || from > to) errors.years = 'years';
  const compensations = base.compensations.map((c) => {
    const typed = (values.caps[c.code] ?? '').trim();
    if (typed === '') return { code: c.code, period: c.period, vocationalOnly: c.vocationalOnly };
    const cents = parseEuros(typed);
    if (cents === null) errors[`cap.${c.code}`] = 'amount';
    return { ...c, capCents: cents ?? 0 };
  });
  const deliveredTarget = parsePercent(values.deliveredTarget);
  if (deliveredTarget === null) errors.deliveredTarget = 'percent';
  const grantCents = parseEuros(values.grant);
  if (grantCents === null) errors.grant = 'amount';
  const minMonths = wholeNumber(values.minMonths, 1, 60);
  const maxMonths = wholeNumber(values.maxMonths, 1, 60);
  if (minMonths === null || maxMonths === null || minMonths > maxMonths) errors.months = 'months';
  if (values.riskGroups.some((g) => g.items.length === 0)) errors.risks = 'emptyGroup';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const kept = new Set(values.riskGroups.flatMap((g) => g.items));
  const profile: StoredProfile = {
    ...base,
    title,
    years: { from: from ?? base.years.from, to: to ?? base.years.to },
    compensations,
    deliveredTarget: deliveredTarget ?? base.deliveredTarget,
    youthProject: {
      ...base.youthProject,
      grantCents: grantCents ?? base.youthProject.grantCents,
      minMonths: minMonths ?? base.youthProject.minMonths,
      maxMonths: maxMonths ?? base.youthProject.maxMonths,
    },
    riskGroups: values.riskGroups.map((g) => ({ code: g.code, items: [...g.items] })),
    riskLabels: values.riskLabels.filter((l) => kept.has(l.code)),
  };
  // The shapes above cannot break these, but the server asks too: never send what it would refuse.
  return profileProblems(profile).length === 0 ? { ok: true, profile } : { ok: false, errors: { risks: 'emptyGroup' } };
}

/** Adds a named risk to a group of the form (a new code: group.added_n). */
export function addRisk(values: ProfileFormValues, groupCode: string, label: string): ProfileFormValues {
  const code = nextRiskCode(values, groupCode);
  return {
    ...values,
    riskGroups: values.riskGroups.map((g) => (g.code === groupCode ? { ...g, items: [...g.items, code] } : g)),
    riskLabels: [...values.riskLabels, { code, text: label.trim() }],
  };
}

export function removeRisk(values: ProfileFormValues, code: string): ProfileFormValues {
  return {
    ...values,
    riskGroups: values.riskGroups.map((g) => ({ ...g, items: g.items.filter((i) => i !== code) })),
    riskLabels: values.riskLabels.filter((l) => l.code !== code),
  };
}
