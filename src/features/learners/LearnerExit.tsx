import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exitProblem, exitReasons, learnerExitSchema, type Learner, type LearnerExit } from '../../domain';
import { setExit, useDatabase } from '../../db';
import { fieldErrorsFrom, TextField, useValidatedForm, type Validated } from '../forms';
import { notify } from '../notifications';
import { intlLocale } from '../ui';
import { ConfirmPanel } from './ConfirmPanel';

interface ExitFormValues {
  reason: LearnerExit['reason'];
  on: string;
}

/** What was typed, as the domain's exit, or errors per field (a future date; a date before the birth date). */
export function toExit(
  values: ExitFormValues,
  birthDate: string | undefined,
  today: string,
): Validated<keyof ExitFormValues, LearnerExit> {
  const parsed = learnerExitSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  const problem = exitProblem(parsed.data, birthDate, today);
  if (problem) return { ok: false, errors: { on: { key: `learners:exit.errors.${problem}` } } };
  return { ok: true, value: parsed.data };
}

function ExitForm(props: {
  learner: Learner;
  today: string;
  onSubmit: (exit: LearnerExit) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['learners', 'common']);
  const reasonId = useId();
  const { values, saving, set, field, submit } = useValidatedForm<ExitFormValues, LearnerExit>(
    { reason: 'graduated', on: props.today },
    (typed) => toExit(typed, props.learner.birthDate, props.today),
    (exit) => props.onSubmit(exit),
  );
  return (
    <form className="form" aria-label={t('exit.form')} onSubmit={submit} noValidate>
      <h3 className="learner-subform__title">{t('exit.form')}</h3>
      <div className="form__grid">
        <div className="field">
          <label htmlFor={reasonId}>{t('exit.reason')}</label>
          <select id={reasonId} value={values.reason} onChange={(e) => set('reason')(e.target.value)} autoFocus>
            {exitReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`exit.reasons.${reason}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('exit.on')} type="date" max={props.today} {...field('on')} required />
      </div>
      <p className="learner-card__note">{t('exit.explain')}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('exit.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * The learner's exit from school (issue 12): graduated, left school early, moved abroad or to another school,
 * with the date. Recording it takes the learner off the lists (their past months stay in the records and the
 * reports); "Atsaukt" in the notice, or "take back" here later, brings them back.
 */
export function LearnerExitSection({
  learner,
  editable,
  today,
}: {
  learner: Learner;
  editable: boolean;
  today: string;
}) {
  const { t, i18n } = useTranslation(['learners', 'common']);
  const db = useDatabase();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<'none' | 'form' | 'undo'>('none');
  const [busy, setBusy] = useState(false);
  const name = `${learner.firstName} ${learner.lastName}`;
  const close = () => {
    setOpen('none');
    heading.current?.focus();
  };
  const date = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long' }).format(new Date(`${d}T12:00:00`));

  async function save(next: LearnerExit | null) {
    setBusy(true);
    try {
      await setExit(db, learner.id, next);
      notify(
        next
          ? {
              kind: 'success',
              key: 'learners:exit.saved',
              values: { name },
              undo: () => void setExit(db, learner.id, null).catch(() => {}),
            }
          : { kind: 'success', key: 'learners:exit.undone', values: { name } },
      );
      close();
    } catch {
      notify({ kind: 'error', key: 'learners:saveFailed' });
    } finally {
      setBusy(false);
    }
  }

  // Nothing to say about a learner who is still at school and whom this person may not change.
  if (!learner.exit && !editable) return null;
  return (
    <section className="plan-section" aria-labelledby="learner-exit">
      <h2 id="learner-exit" ref={heading} tabIndex={-1}>
        {t('exit.title')}
      </h2>
      {learner.exit ? (
        <div className="learner-warning" role="note">
          <p className="learner-warning__title">
            {t('exit.left', { date: date(learner.exit.on), reason: t(`exit.reasons.${learner.exit.reason}`) })}
          </p>
          <p>{t('exit.offLists')}</p>
        </div>
      ) : open === 'form' ? (
        <ExitForm learner={learner} today={today} onSubmit={save} onCancel={close} />
      ) : (
        <p className="learner-card__note">{t('exit.atSchool')}</p>
      )}
      {open === 'undo' ? (
        <ConfirmPanel
          text={t('exit.confirmUndo', { name })}
          confirmLabel={t('exit.undo')}
          busy={busy}
          onConfirm={() => void save(null)}
          onCancel={close}
        />
      ) : null}
      {editable && open === 'none' ? (
        <div className="form__actions form__actions--start">
          {learner.exit ? (
            <button type="button" className="button" onClick={() => setOpen('undo')}>
              {t('exit.undo')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setOpen('form')}>
              {t('exit.record')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
