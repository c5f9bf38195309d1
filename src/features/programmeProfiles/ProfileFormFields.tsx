import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeProfile } from '../../domain';
import { riskName } from './labels';
import { addRisk, removeRisk, type ProfileFormErrors, type ProfileFormValues } from './profileForm';

interface Props {
  values: ProfileFormValues;
  errors: ProfileFormErrors;
  onChange: (values: ProfileFormValues) => void;
}

function Field(props: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  inputMode?: 'numeric' | 'decimal';
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('programmeProfiles');
  const id = useId();
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        value={props.value}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {t(`form.errors.${props.error}`)}
        </p>
      ) : null}
    </div>
  );
}

/** The profile form's fields: title and years, the numbers, the caps, and the risk grid (add and remove). */
export function ProfileFormFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation(['programmeProfiles', 'profile']);
  const set = (change: Partial<ProfileFormValues>) => onChange({ ...values, ...change });
  // The form's risks, named as the copy names them (its own added ones included).
  const asProfile = { riskGroups: values.riskGroups, riskLabels: values.riskLabels } as unknown as ProgrammeProfile;
  return (
    <>
      <Field
        name="title"
        label={t('form.title')}
        value={values.title}
        error={errors.title}
        onChange={(title) => set({ title })}
      />
      <div className="form__grid">
        <Field
          name="yearsFrom"
          label={t('form.yearsFrom')}
          inputMode="numeric"
          value={values.yearsFrom}
          error={errors.years}
          onChange={(yearsFrom) => set({ yearsFrom })}
        />
        <Field
          name="yearsTo"
          label={t('form.yearsTo')}
          inputMode="numeric"
          value={values.yearsTo}
          error={undefined}
          onChange={(yearsTo) => set({ yearsTo })}
        />
        <Field
          name="deliveredTarget"
          label={t('form.deliveredTarget')}
          inputMode="decimal"
          value={values.deliveredTarget}
          error={errors.deliveredTarget}
          onChange={(deliveredTarget) => set({ deliveredTarget })}
        />
        <Field
          name="grant"
          label={t('form.grant')}
          inputMode="decimal"
          value={values.grant}
          error={errors.grant}
          onChange={(grant) => set({ grant })}
        />
        <Field
          name="minMonths"
          label={t('form.minMonths')}
          inputMode="numeric"
          value={values.minMonths}
          error={errors.months}
          onChange={(minMonths) => set({ minMonths })}
        />
        <Field
          name="maxMonths"
          label={t('form.maxMonths')}
          inputMode="numeric"
          value={values.maxMonths}
          error={undefined}
          onChange={(maxMonths) => set({ maxMonths })}
        />
      </div>
      <fieldset className="profile-form__caps">
        <legend>{t('caps.title')}</legend>
        <p className="field__hint">{t('form.capHint')}</p>
        <div className="form__grid">
          {Object.entries(values.caps).map(([code, text]) => (
            <Field
              key={code}
              name={`cap.${code}`}
              label={t('form.capFor', { name: t(`profile:compensation.${code}`, { defaultValue: code }) })}
              inputMode="decimal"
              value={text}
              error={errors[`cap.${code}`]}
              onChange={(v) => set({ caps: { ...values.caps, [code]: v } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="profile-form__risks">
        <legend>{t('form.risks')}</legend>
        {errors.risks ? (
          <p className="field__error" role="alert">
            {t(`form.errors.${errors.risks}`)}
          </p>
        ) : null}
        {values.riskGroups.map((g) => (
          <RiskGroupEditor key={g.code} group={g} profile={asProfile} values={values} onChange={onChange} />
        ))}
      </fieldset>
    </>
  );
}

function RiskGroupEditor({
  group,
  profile,
  values,
  onChange,
}: {
  group: ProfileFormValues['riskGroups'][number];
  profile: ProgrammeProfile;
  values: ProfileFormValues;
  onChange: (values: ProfileFormValues) => void;
}) {
  const { t } = useTranslation(['programmeProfiles', 'profile']);
  const id = useId();
  const [label, setLabel] = useState('');
  const [missing, setMissing] = useState(false);
  const groupName = t(`profile:riskGroup.${group.code}`, { defaultValue: group.code });
  function add() {
    if (!label.trim()) {
      setMissing(true);
      return;
    }
    onChange(addRisk(values, group.code, label));
    setLabel('');
    setMissing(false);
  }
  return (
    <div className="profile-form__group">
      <h2>{groupName}</h2>
      <ul className="profile-form__items">
        {group.items.map((code) => {
          const name = riskName(profile, code, t);
          return (
            <li key={code}>
              <span>{name}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('form.removeRiskNamed', { name })}
                onClick={() => onChange(removeRisk(values, code))}
              >
                {t('form.removeRisk')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className={`field profile-form__add${missing ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{t('form.newRisk', { group: groupName })}</label>
        <div className="profile-form__add-row">
          <input
            id={id}
            value={label}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add}>
            {t('form.addRisk')}
          </button>
        </div>
        {missing ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {t('form.errors.riskLabel')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
