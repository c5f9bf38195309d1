import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentProblem, consentSchema, consentSigners, isAdult, type Consent, type Learner } from '../../domain';
import { setConsent, useDatabase } from '../../db';
import { fieldErrorsFrom, TextField, useValidatedForm, type Validated } from '../forms';
import { notify } from '../notifications';
import { ConfirmPanel } from './ConfirmPanel';
import { intlLocale } from '../ui';

export interface ConsentFormValues {
  signedOn: string;
  signedBy: string;
  signerRole: Consent['signerRole'];
}

/** A new record: signed today, by a parent, or by the learner if they are an adult. */
export function newConsentForm(learner: Pick<Learner, 'birthDate'>, today: string): ConsentFormValues {
  return { signedOn: today, signedBy: '', signerRole: isAdult(learner.birthDate, today) ? 'learner' : 'parent' };
}

/** What was typed, as the domain's consent, or errors per field (a future date; a minor signing their own). */
export function toConsent(
  values: ConsentFormValues,
  birthDate: string | undefined,
  today: string,
): Validated<keyof ConsentFormValues, Consent> {
  const parsed = consentSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const problem = consentProblem(parsed.data, birthDate, today);
  if (problem === 'signedInFuture')
    return { ok: false, errors: { signedOn: { key: 'learners:consent.errors.future' } } };
  if (problem === 'minorSignedOwn')
    return { ok: false, errors: { signerRole: { key: 'learners:consent.errors.minorSignedOwn' } } };
  return { ok: true, value: parsed.data };
}

interface ConsentFormProps {
  initial: ConsentFormValues;
  today: string;
  /** The learner's, to check who may have signed on the day. */
  birthDate: string | undefined;
  /** Names offered while typing who signed: the learner's guardians, and the learner. */
  suggestions: readonly string[];
  /** May throw: the form stays open with everything typed. */
  onSubmit: (consent: Consent) => Promise<void>;
  onCancel: () => void;
}

export function ConsentForm({ initial, today, birthDate, suggestions, onSubmit, onCancel }: ConsentFormProps) {
  const { t } = useTranslation(['learners', 'common']);
  const ids = { role: useId(), names: useId() };
  const { values, errors, saving, set, field, submit } = useValidatedForm(
    initial,
    (typed) => toConsent({ ...typed, signedBy: typed.signedBy.trim() }, birthDate, today),
    (consent) => onSubmit(consent),
  );

  return (
    <form className="form" aria-label={t('consent.form')} onSubmit={submit} noValidate>
      <h3 className="learner-subform__title">{t('consent.form')}</h3>
      <div className="form__grid">
        <TextField label={t('consent.signedOn')} type="date" max={today} {...field('signedOn')} autoFocus required />
        <div className={`field${errors.signerRole ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.role}>{t('consent.signerRole')}</label>
          <select
            id={ids.role}
            value={values.signerRole}
            onChange={(e) => set('signerRole')(e.target.value)}
            aria-invalid={errors.signerRole ? true : undefined}
            aria-describedby={errors.signerRole ? `${ids.role}-error` : undefined}
          >
            {consentSigners.map((role) => (
              <option key={role} value={role}>
                {t(`consent.role.${role}`)}
              </option>
            ))}
          </select>
          {errors.signerRole ? (
            <p id={`${ids.role}-error`} className="field__error" role="alert">
              {t(errors.signerRole.key, errors.signerRole.values)}
            </p>
          ) : null}
        </div>
        <TextField
          label={t('consent.signedBy')}
          hint={t('consent.signedByHint')}
          list={ids.names}
          {...field('signedBy')}
          autoComplete="off"
          autoCapitalize="words"
          required
        />
        <datalist id={ids.names}>
          {[...new Set(suggestions)].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
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

interface LearnerConsentProps {
  learner: Learner;
  editable: boolean;
  /** The learner has a plan this semester: a missing application is then more pressing. */
  hasCurrentPlan: boolean;
  today: string;
}

/**
 * The signed application and consent a plan starts from: when, by whom, in what capacity — or, plainly, that none
 * is recorded yet. Only a warning: the plan workflow itself does not (yet) require it.
 */
export function LearnerConsent({ learner, editable, hasCurrentPlan, today }: LearnerConsentProps) {
  const { t, i18n } = useTranslation(['learners', 'common']);
  const db = useDatabase();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<'none' | 'form' | 'remove'>('none');
  const [busy, setBusy] = useState(false);
  const { consent } = learner;
  const close = () => {
    setOpen('none');
    heading.current?.focus();
  };
  const date = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long' }).format(new Date(`${d}T12:00:00`));

  async function save(next: Consent | null) {
    setBusy(true);
    try {
      await setConsent(db, learner.id, next);
      notify({ kind: 'success', key: next ? 'learners:consent.saved' : 'learners:consent.removed' });
      close();
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="plan-section" aria-labelledby="learner-consent">
      <h2 id="learner-consent" ref={heading} tabIndex={-1}>
        {t('consent.title')}
      </h2>
      {open === 'form' ? (
        <ConsentForm
          initial={consent ?? newConsentForm(learner, today)}
          today={today}
          birthDate={learner.birthDate}
          suggestions={[...learner.guardians.map((g) => g.name), `${learner.firstName} ${learner.lastName}`]}
          onSubmit={save}
          onCancel={close}
        />
      ) : consent ? (
        <div className="learner-consent">
          <span className="badge badge--ok">{t('consent.signed')}</span>
          <dl className="learner-facts">
            <div>
              <dt>{t('consent.signedOn')}</dt>
              <dd>{date(consent.signedOn)}</dd>
            </div>
            <div>
              <dt>{t('consent.signedBy')}</dt>
              <dd>{consent.signedBy}</dd>
            </div>
            <div>
              <dt>{t('consent.signerRole')}</dt>
              <dd>{t(`consent.role.${consent.signerRole}`)}</dd>
            </div>
          </dl>
        </div>
      ) : (
        <div className="learner-warning" role="note">
          <p className="learner-warning__title">{t('consent.none')}</p>
          <p>{t('consent.needed')}</p>
          {hasCurrentPlan ? <p>{t('consent.planWithout')}</p> : null}
        </div>
      )}
      {open === 'remove' ? (
        <ConfirmPanel
          text={t('consent.confirmRemove')}
          confirmLabel={t('consent.remove')}
          busy={busy}
          onConfirm={() => void save(null)}
          onCancel={close}
        />
      ) : null}
      {editable && open === 'none' ? (
        <div className="form__actions form__actions--start">
          <button
            type="button"
            className={`button${consent ? '' : ' button--primary'}`}
            onClick={() => setOpen('form')}
          >
            {consent ? t('consent.edit') : t('consent.record')}
          </button>
          {consent ? (
            <button type="button" className="button" onClick={() => setOpen('remove')}>
              {t('consent.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
