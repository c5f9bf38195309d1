import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkPlannedCompensation,
  measureKinds,
  type Learner,
  type Measure,
  type PlanRisk,
  type ProgrammeProfile,
} from '../../domain';
import type { FieldError } from '../forms';
import { TextField } from '../forms';
import { centsToInput, formatEuros, parseEuros } from './money';

type Field = 'subject' | 'specialistRole' | 'plannedSessions' | 'category' | 'amount' | 'riskIds' | 'justification';

interface Values {
  kind: Measure['kind'];
  subject: string;
  specialistRole: string;
  plannedSessions: string;
  category: string;
  amount: string;
  riskIds: string[];
  justification: string;
}

const valuesOf = (m: Measure | undefined, profile: ProgrammeProfile, risks: readonly PlanRisk[]): Values => ({
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

interface Props {
  measure?: Measure;
  risks: PlanRisk[];
  profile: ProgrammeProfile;
  programme: Learner['programme'];
  newId: () => string;
  onSave(measure: Measure): void;
  onCancel(): void;
}

/** One support measure: what, how much, against which risks and why. Errors sit next to their fields. */
export function MeasureForm({ measure, risks, profile, programme, newId, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation(['plans', 'profile']);
  const [values, setValues] = useState<Values>(() => valuesOf(measure, profile, risks));
  const [errors, setErrors] = useState<Partial<Record<Field, FieldError>>>({});
  const ids = { kind: useId(), subject: useId(), role: useId(), category: useId(), risks: useId() };
  const cap = profile.compensations.find((c) => c.code === values.category);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  function validate(): Measure | null {
    const problems: Partial<Record<Field, FieldError>> = {};
    const base = {
      id: measure?.id ?? newId(),
      kind: values.kind,
      riskIds: values.riskIds,
      justification: values.justification.trim(),
    };
    if (values.riskIds.length === 0) problems.riskIds = { key: 'plans:errors.chooseRisk' };
    if (!base.justification) problems.justification = { key: 'plans:errors.required' };
    let result: Measure | null = null;
    if (values.kind === 'compensation') {
      const cents = parseEuros(values.amount);
      const check = cents === null ? null : checkPlannedCompensation(profile, values.category, cents, programme);
      if (cents === null) problems.amount = { key: 'plans:errors.amount' };
      else if (check?.code === 'overCap')
        problems.amount = {
          key: 'plans:errors.overCap',
          values: { amount: formatEuros(check.capCents, i18n.language) },
        };
      else if (check) problems.category = { key: 'plans:errors.vocationalOnly' };
      if (cents !== null) result = { ...base, compensationCategory: values.category, plannedMonthlyCents: cents };
    } else {
      const sessions = Number(values.plannedSessions);
      if (!/^\d{1,3}$/.test(values.plannedSessions.trim()) || sessions > 500)
        problems.plannedSessions = { key: 'plans:errors.sessions' };
      result =
        values.kind === 'subject_consultation'
          ? { ...base, subject: values.subject, plannedSessions: sessions }
          : { ...base, specialistRole: values.specialistRole, plannedSessions: sessions };
    }
    setErrors(problems);
    return Object.values(problems).some(Boolean) ? null : result;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = validate();
    if (valid) onSave(valid);
  }

  const select = (id: string, label: string, value: string, options: string[], prefix: string, field: keyof Values) => {
    const error = errors[field as Field];
    return (
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(e) => set(field, e.target.value as never)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`${prefix}${o}`)}
            </option>
          ))}
        </select>
        {error ? (
          <p className="field__error" role="alert">
            {t(error.key, error.values)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="form measure-form" onSubmit={submit} noValidate>
      <div className="form__grid">
        {select(ids.kind, t('measures.kind'), values.kind, [...measureKinds], 'plans:measures.kinds.', 'kind')}
        {values.kind === 'subject_consultation'
          ? select(ids.subject, t('measures.subject'), values.subject, profile.subjects, 'profile:subject.', 'subject')
          : null}
        {values.kind === 'specialist_consultation'
          ? select(
              ids.role,
              t('measures.specialistRole'),
              values.specialistRole,
              profile.specialistRoles,
              'profile:specialistRole.',
              'specialistRole',
            )
          : null}
        {values.kind === 'compensation' ? (
          <>
            {select(
              ids.category,
              t('measures.category'),
              values.category,
              profile.compensations.map((c) => c.code),
              'profile:compensation.',
              'category',
            )}
            <TextField
              label={cap?.period === 'semester' ? t('measures.plannedAmountSemester') : t('measures.plannedAmount')}
              hint={
                cap?.capCents !== undefined
                  ? t('measures.cap', { amount: formatEuros(cap.capCents, i18n.language) })
                  : t('measures.noCap')
              }
              inputMode="decimal"
              value={values.amount}
              onChange={(e) => set('amount', e.target.value)}
              error={errors.amount}
            />
          </>
        ) : (
          <TextField
            label={t('measures.plannedSessions')}
            inputMode="numeric"
            value={values.plannedSessions}
            onChange={(e) => set('plannedSessions', e.target.value)}
            error={errors.plannedSessions}
          />
        )}
      </div>
      <fieldset
        className={`field check-group${errors.riskIds ? ' field--invalid' : ''}`}
        aria-describedby={errors.riskIds ? `${ids.risks}-error` : undefined}
      >
        <legend>{t('measures.risks')}</legend>
        {risks.map((risk) => (
          <label key={risk.id} className="check">
            <input
              type="checkbox"
              checked={values.riskIds.includes(risk.id)}
              onChange={(e) =>
                set(
                  'riskIds',
                  e.target.checked ? [...values.riskIds, risk.id] : values.riskIds.filter((id) => id !== risk.id),
                )
              }
            />
            <span>{t(`profile:risk.${risk.code}`)}</span>
          </label>
        ))}
        {errors.riskIds ? (
          <p id={`${ids.risks}-error`} className="field__error" role="alert">
            {t(errors.riskIds.key)}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label={t('measures.justification')}
        hint={t('measures.justificationHint')}
        value={values.justification}
        onChange={(e) => set('justification', e.target.value)}
        error={errors.justification}
        maxLength={4000}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('measures.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('measures.save')}
        </button>
      </div>
    </form>
  );
}
