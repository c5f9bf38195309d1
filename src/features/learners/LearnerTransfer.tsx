import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LEARNER_TRANSFERRERS, type Learner } from '../../domain';
import { useLearnersOfSchool, useSchools } from '../../db';
import { AuthError, learnersApi, OfflineError } from '../../sync';
import { useActor } from '../account';
import { TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { validateTransferForm, type TransferFormValues } from './learnerTransferForm';

/** The server's reasons the form explains in words; anything else is "not moved, try again". */
const KNOWN_REFUSALS = [
  'roleNotAllowed',
  'outOfScope',
  'learnerNotFound',
  'sameSchool',
  'learnerLeft',
  'transferInFuture',
];

/**
 * Moving a learner, or their whole class, to another school (issue 12: mergers, closures, a family that moved):
 * for the municipal coordinator and the administrator. It needs the network — the server moves the learner's
 * plans, compensations, notes and sessions with them in one go, or nothing — and the form says so when there is
 * none, keeping what was chosen.
 */
export function LearnerTransferSection({ learner, today }: { learner: Learner; today: string }) {
  const { t } = useTranslation(['learners', 'common']);
  const actor = useActor();
  const navigate = useNavigate();
  const api = useMemo(() => learnersApi(), []);
  const { data: schools } = useSchools();
  const { data: schoolLearners } = useLearnersOfSchool(learner.schoolId);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = { school: useId(), scope: useId() };
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const allowed = !!actor && !learner.archived && actor.roles.some((r) => LEARNER_TRANSFERRERS.includes(r));
  const destinations = schools.filter((s) => s.id !== learner.schoolId && !!actor?.schoolIds.includes(s.id));
  const classmates = schoolLearners.filter((l) => l.className === learner.className);
  const initial: TransferFormValues = { toSchoolId: '', on: today, who: 'learner' };
  const form = useValidatedForm(
    initial,
    (values) =>
      validateTransferForm(values, {
        destinationIds: destinations.map((s) => s.id),
        learnerId: learner.id,
        classmateIds: classmates.map((l) => l.id),
        today,
      }),
    async (request) => {
      setProblem(null);
      const school = destinations.find((s) => s.id === request.toSchoolId)?.name ?? '';
      try {
        await api.transfer(request);
        notify({
          kind: 'success',
          key: 'learners:transfer.done',
          values: { count: request.learnerIds.length, school },
        });
        void navigate('/learners');
      } catch (error) {
        if (error instanceof OfflineError) setProblem('learners:transfer.errors.offline');
        else if (error instanceof AuthError && KNOWN_REFUSALS.includes(error.code))
          setProblem(`learners:transfer.errors.${error.code}`);
        else setProblem('learners:transfer.errors.failed');
      }
    },
  );

  if (!allowed || destinations.length === 0) return null;
  const { values, errors, saving, set, field } = form;

  return (
    <section className="plan-section" aria-labelledby="learner-transfer">
      <h2 id="learner-transfer" ref={heading} tabIndex={-1}>
        {t('transfer.title')}
      </h2>
      {open ? (
        <form className="form" aria-label={t('transfer.title')} onSubmit={(e) => void form.submit(e)} noValidate>
          <div className="form__grid">
            <div className={`field${errors.toSchoolId ? ' field--invalid' : ''}`}>
              <label htmlFor={ids.school}>{t('transfer.to')}</label>
              <select
                id={ids.school}
                value={values.toSchoolId}
                onChange={(e) => set('toSchoolId')(e.target.value)}
                aria-invalid={errors.toSchoolId ? true : undefined}
                aria-describedby={errors.toSchoolId ? `${ids.school}-error` : undefined}
                autoFocus
              >
                <option value="">{t('transfer.choose')}</option>
                {destinations.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {errors.toSchoolId ? (
                <p id={`${ids.school}-error`} className="field__error" role="alert">
                  {t(errors.toSchoolId.key)}
                </p>
              ) : null}
            </div>
            <TextField label={t('transfer.on')} type="date" max={today} {...field('on')} />
            <fieldset className="field" aria-describedby={`${ids.scope}-hint`}>
              <legend>{t('transfer.who')}</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name={ids.scope}
                  checked={values.who === 'learner'}
                  onChange={() => set('who')('learner')}
                />
                {t('transfer.onlyThis', { name: `${learner.firstName} ${learner.lastName}` })}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name={ids.scope}
                  checked={values.who === 'class'}
                  onChange={() => set('who')('class')}
                />
                {t('transfer.wholeClass', { className: learner.className, count: classmates.length })}
              </label>
              {errors.who ? (
                <p className="field__error" role="alert">
                  {t(errors.who.key)}
                </p>
              ) : null}
            </fieldset>
          </div>
          <p id={`${ids.scope}-hint`} className="learner-card__note">
            {t('transfer.explain')}
          </p>
          {problem ? (
            <p className="field__error" role="alert">
              {t(problem)}
            </p>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setProblem(null);
                heading.current?.focus();
              }}
            >
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('common:actions.saving') : t('transfer.submit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form__actions form__actions--start">
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('transfer.open')}
          </button>
        </div>
      )}
    </section>
  );
}
