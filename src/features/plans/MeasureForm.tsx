import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  measureKinds,
  measureSchema,
  type Learner,
  type Measure,
  type PlanRisk,
  type ProgrammeProfile,
} from '../../domain';
import { maxLengthOf, SelectField, TextField, useValidatedForm } from '../forms';
import { measureFormValues, toMeasure } from './measureForm';
import { formatEuros } from './money';

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
  const risksId = useId();
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const { values, errors, set, field, submit } = useValidatedForm(
    measureFormValues(measure, profile, risks),
    (typed) => toMeasure(typed, { id: measure?.id ?? newId(), profile, programme, euros }),
    (valid) => onSave(valid),
  );
  const cap = profile.compensations.find((c) => c.code === values.category);

  const choice = (
    field: 'kind' | 'subject' | 'specialistRole' | 'category',
    label: string,
    options: readonly string[],
    prefix: string,
  ) => (
    <SelectField label={label} value={values[field]} onChange={(e) => set(field)(e.target.value)} error={errors[field]}>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(`${prefix}${o}`)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form className="form measure-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form__grid">
        {choice('kind', t('measures.kind'), measureKinds, 'plans:measures.kinds.')}
        {values.kind === 'subject_consultation'
          ? choice('subject', t('measures.subject'), profile.subjects, 'profile:subject.')
          : null}
        {values.kind === 'specialist_consultation'
          ? choice('specialistRole', t('measures.specialistRole'), profile.specialistRoles, 'profile:specialistRole.')
          : null}
        {values.kind === 'compensation' ? (
          <>
            {choice(
              'category',
              t('measures.category'),
              profile.compensations.map((c) => c.code),
              'profile:compensation.',
            )}
            <TextField
              label={cap?.period === 'semester' ? t('measures.plannedAmountSemester') : t('measures.plannedAmount')}
              hint={
                cap?.capCents !== undefined ? t('measures.cap', { amount: euros(cap.capCents) }) : t('measures.noCap')
              }
              inputMode="decimal"
              {...field('amount')}
            />
          </>
        ) : (
          <TextField label={t('measures.plannedSessions')} inputMode="numeric" {...field('plannedSessions')} />
        )}
      </div>
      <fieldset
        className={`field check-group${errors.riskIds ? ' field--invalid' : ''}`}
        aria-describedby={errors.riskIds ? `${risksId}-error` : undefined}
      >
        <legend>{t('measures.risks')}</legend>
        {risks.map((risk) => (
          <label key={risk.id} className="check">
            <input
              type="checkbox"
              checked={values.riskIds.includes(risk.id)}
              onChange={(e) =>
                set('riskIds')(
                  e.target.checked ? [...values.riskIds, risk.id] : values.riskIds.filter((id) => id !== risk.id),
                )
              }
            />
            <span>{t(`profile:risk.${risk.code}`)}</span>
          </label>
        ))}
        {errors.riskIds ? (
          <p id={`${risksId}-error`} className="field__error" role="alert">
            {t(errors.riskIds.key)}
          </p>
        ) : null}
      </fieldset>
      <TextField
        label={t('measures.justification')}
        hint={t('measures.justificationHint')}
        {...field('justification')}
        maxLength={maxLengthOf(measureSchema.shape.justification)}
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
