import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, useValidatedForm } from '../forms';
import {
  toIndirectWorkFields,
  type IndirectWorkFields,
  type IndirectWorkFormValues,
  type IndirectWorkPlace,
} from './indirectWorkForm';

interface IndirectWorkFormProps {
  initial: IndirectWorkFormValues;
  place: IndirectWorkPlace | null;
  /** Whom the record may be about (recordableStaff), with their names; a choice only when there are several. */
  staff: readonly { id: string; name: string }[];
  editing: boolean;
  onSubmit: (fields: IndirectWorkFields) => Promise<void>;
  onCancel?: () => void;
}

/** A month's indirect work: whose (for a coordinator), the month, the time as hours and minutes, what was done. */
export function IndirectWorkForm({ initial, place, staff, editing, onSubmit, onCancel }: IndirectWorkFormProps) {
  const { t } = useTranslation(['hours', 'common']);
  const staffFieldId = useId();
  const { values, errors, saving, set, field, submit } = useValidatedForm(
    initial,
    (typed) => toIndirectWorkFields(typed, place),
    (fields) => onSubmit(fields),
  );

  return (
    <form className="form indirect-form" onSubmit={submit} noValidate aria-labelledby="indirect-form-title">
      <h2 id="indirect-form-title">{editing ? t('indirect.form.editTitle') : t('indirect.form.title')}</h2>
      <div className="form__grid">
        {staff.length > 1 ? (
          <div className={`field${errors.staffId ? ' field--invalid' : ''}`}>
            <label htmlFor={staffFieldId}>{t('indirect.form.staff')}</label>
            <select id={staffFieldId} value={values.staffId} onChange={(e) => set('staffId')(e.target.value)}>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextField
          label={t('indirect.form.month')}
          hint={t('indirect.form.monthHint')}
          type="month"
          {...field('month')}
          required
        />
        <div className="indirect-form__time">
          <TextField label={t('indirect.form.hours')} inputMode="numeric" {...field('hours')} autoComplete="off" />
          <TextField label={t('indirect.form.minutes')} inputMode="numeric" {...field('minutes')} autoComplete="off" />
        </div>
        <TextField
          label={t('indirect.form.what')}
          hint={t('indirect.form.whatHint')}
          {...field('what')}
          autoComplete="off"
          required
        />
      </div>
      {errors.staffId ? (
        <p className="field__error" role="alert">
          {t(errors.staffId.key, errors.staffId.values)}
        </p>
      ) : null}
      <div className="form__actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}
