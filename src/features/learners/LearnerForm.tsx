import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { learnerFieldsSchema, learnerProgrammes, type LearnerFields } from '../../domain';
import { fieldErrorsFrom, TextField, useValidatedForm, type Validated } from '../forms';

export interface LearnerFormValues {
  firstName: string;
  lastName: string;
  className: string;
  programme: LearnerFields['programme'];
  birthDate: string;
  /** '' not stated, 'school' the school's municipality, 'other' another one. */
  residence: Residence;
}

export const residences = ['', 'school', 'other'] as const;
export type Residence = (typeof residences)[number];
export const residenceOf = (lives: boolean | undefined): Residence =>
  lives === undefined ? '' : lives ? 'other' : 'school';

export const emptyLearnerForm: LearnerFormValues = {
  firstName: '',
  lastName: '',
  className: '',
  programme: 'general',
  birthDate: '',
  residence: '',
};

/** Turns what was typed into the domain's fields; an empty optional date means "not given". */
export function toLearnerFields({ residence, ...values }: LearnerFormValues) {
  return learnerFieldsSchema.safeParse({
    ...values,
    birthDate: values.birthDate.trim() || undefined,
    livesInOtherMunicipality: residence === '' ? undefined : residence === 'other',
  });
}

interface LearnerFormProps {
  initial: LearnerFormValues;
  /** `openedWith`: the values the form showed when it opened, so only what the person changed is written. */
  onSubmit: (fields: LearnerFields, openedWith: LearnerFormValues) => Promise<void>;
  onCancel: () => void;
}

/** Keeps every typed value on a validation or save failure: nothing the person typed is lost. */
export function LearnerForm({ initial, onSubmit, onCancel }: LearnerFormProps) {
  const { t } = useTranslation(['learners', 'common']);
  const programmeId = useId();
  const residenceId = useId();
  const { values, saving, set, field, submit } = useValidatedForm(
    initial,
    (typed): Validated<keyof LearnerFormValues, LearnerFields> => {
      const parsed = toLearnerFields(typed);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFrom(parsed.error) };
    },
    onSubmit,
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <TextField
          label={t('fields.firstName')}
          {...field('firstName')}
          autoComplete="off"
          autoCapitalize="words"
          required
        />
        <TextField
          label={t('fields.lastName')}
          {...field('lastName')}
          autoComplete="off"
          autoCapitalize="words"
          required
        />
        <TextField
          label={t('fields.className')}
          hint={t('fields.classNameHint')}
          {...field('className')}
          autoComplete="off"
          required
        />
        <div className="field">
          <label htmlFor={programmeId}>{t('fields.programme')}</label>
          <select id={programmeId} value={values.programme} onChange={(e) => set('programme')(e.target.value)}>
            {learnerProgrammes.map((p) => (
              <option key={p} value={p}>
                {t(`programme.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('fields.birthDate')} type="date" optional {...field('birthDate')} />
        <div className="field">
          <label htmlFor={residenceId}>
            {t('fields.livesInOtherMunicipality')}
            <span className="field__optional"> ({t('fields.optional')})</span>
          </label>
          <select
            id={residenceId}
            value={values.residence}
            onChange={(e) => set('residence')(e.target.value as Residence)}
          >
            {residences.map((r) => (
              <option key={r} value={r}>
                {t(`residence.${r || 'unknown'}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}
