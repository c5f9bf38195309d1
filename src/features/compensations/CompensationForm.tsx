import { useTranslation } from 'react-i18next';
import {
  compensationSchema,
  defaultProfile,
  type Compensation,
  type Learner,
  type ProgrammeProfile,
} from '../../domain';
import { formErrorsOfFailure, maxLengthOf, SelectField, TextField, useValidatedForm } from '../forms';
import { formatEuros } from '../plans';
import { compensationFieldOf, toCompensationEntry, type CompensationEntry } from './compensationForm';

interface Props {
  learner: Learner;
  recorded: Compensation[];
  defaultMonth: string;
  /** The caps to check against: the learner's plan's own profile (PuMPuRS 2017 unless told). */
  profile?: ProgrammeProfile;
  onSave(entry: CompensationEntry): Promise<void>;
}

/** A compensation request; the programme's caps are checked against what is already recorded, before saving. */
export function CompensationForm({ learner, recorded, defaultMonth, profile = defaultProfile, onSave }: Props) {
  const { t, i18n } = useTranslation(['compensations', 'profile']);
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const { values, errors, problem, saving, set, field, reset, submit } = useValidatedForm(
    { category: profile.compensations[0]?.code ?? '', month: defaultMonth, amount: '', note: '' },
    (typed) => toCompensationEntry(typed, { learner, recorded, profile, euros }),
    async (entry) => {
      await onSave(entry);
      // The category and month stay for the next request; the amount and note are this one's.
      reset({ amount: '', note: '' });
    },
    {
      // Nothing typed is lost: a refusal the schema names goes under its field, anything else under the form.
      failure: (error) => {
        const found = formErrorsOfFailure(error, compensationFieldOf);
        return Object.keys(found).length > 0
          ? { errors: found }
          : { problem: { key: 'compensations:errors.notSaved' } };
      },
    },
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form__grid">
        <SelectField label={t('fields.category')} {...field('category')}>
          {profile.compensations.map((c) => (
            <option key={c.code} value={c.code}>
              {t(`profile:compensation.${c.code}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('fields.month')} type="month" {...field('month')} />
        <TextField label={t('fields.amount')} inputMode="decimal" {...field('amount')} />
        <TextField
          label={t('fields.note')}
          value={values.note}
          maxLength={maxLengthOf(compensationSchema.shape.note)}
          onChange={(e) => set('note')(e.target.value)}
          error={errors.note}
          optional
        />
      </div>
      {problem ? (
        <p className="field__error" role="alert">
          {t(problem.key, problem.values)}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('add')}
        </button>
      </div>
    </form>
  );
}
