import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkCompensation,
  defaultProfile,
  type Compensation,
  type Learner,
  type ProgrammeProfile,
} from '../../domain';
import { TextField, type FieldError } from '../forms';
import { formatEuros, parseEuros } from '../plans';

interface Props {
  learner: Learner;
  recorded: Compensation[];
  defaultMonth: string;
  /** The caps to check against: the learner's plan's own profile (PuMPuRS 2017 unless told). */
  profile?: ProgrammeProfile;
  onSave(entry: { category: string; month: string; amountCents: number; note: string }): Promise<void>;
}

/** A compensation request; the programme's caps are checked against what is already recorded, before saving. */
export function CompensationForm({ learner, recorded, defaultMonth, profile = defaultProfile, onSave }: Props) {
  const { t, i18n } = useTranslation(['compensations', 'profile']);
  const ids = { category: useId(), month: useId() };
  const [category, setCategory] = useState(profile.compensations[0]?.code ?? '');
  const [month, setMonth] = useState(defaultMonth);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: FieldError; month?: FieldError; category?: FieldError }>({});
  const [saving, setSaving] = useState(false);
  const euros = (cents: number) => formatEuros(cents, i18n.language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return setErrors({ month: { key: 'compensations:errors.month' } });
    if (cents === null || cents === 0) return setErrors({ amount: { key: 'compensations:errors.amount' } });
    const problem = checkCompensation(
      profile,
      { learnerId: learner.id, category, month, amountCents: cents },
      learner.programme,
      recorded,
    );
    if (problem?.code === 'overCap') {
      const left = Math.max(0, problem.capCents - problem.alreadyCents);
      return setErrors({
        amount: {
          key: `compensations:errors.overCap_${problem.period}`,
          values: { cap: euros(problem.capCents), already: euros(problem.alreadyCents), left: euros(left) },
        },
      });
    }
    if (problem) return setErrors({ category: { key: `compensations:errors.${problem.code}` } });
    setErrors({});
    setSaving(true);
    try {
      await onSave({ category, month, amountCents: cents, note: note.trim() });
      setAmount('');
      setNote('');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <div className={`field${errors.category ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.category}>{t('fields.category')}</label>
          <select id={ids.category} value={category} onChange={(e) => (setCategory(e.target.value), setErrors({}))}>
            {profile.compensations.map((c) => (
              <option key={c.code} value={c.code}>
                {t(`profile:compensation.${c.code}`)}
              </option>
            ))}
          </select>
          {errors.category ? (
            <p className="field__error" role="alert">
              {t(errors.category.key)}
            </p>
          ) : null}
        </div>
        <div className={`field${errors.month ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.month}>{t('fields.month')}</label>
          <input id={ids.month} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          {errors.month ? (
            <p className="field__error" role="alert">
              {t(errors.month.key)}
            </p>
          ) : null}
        </div>
        <TextField
          label={t('fields.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => (setAmount(e.target.value), setErrors({}))}
          error={errors.amount}
        />
        <TextField
          label={t('fields.note')}
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          optional
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('add')}
        </button>
      </div>
    </form>
  );
}
