import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mayCreatePlan, previousSemester, sameSemester, semesterOf, type Learner, localDate } from '../../domain';
import { createPlan, PlanExistsError, useDatabase, usePlansOfLearner } from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';

/** A learner's plans over time, and the way to start this semester's: blank or from the previous one. */
export function LearnerPlans({ learner }: { learner: Learner }) {
  const { t } = useTranslation('plans');
  const db = useDatabase();
  const navigate = useNavigate();
  const actor = useActor();
  const { data: plans } = usePlansOfLearner(learner.id);
  const [busy, setBusy] = useState(false);
  const current = semesterOf(localDate(new Date()));
  const hasCurrent = plans.some((p) => sameSemester(p, current) && p.status !== 'inactive');
  const previous = plans.find((p) => sameSemester(p, previousSemester(current)));
  // Plans are drawn up by plan preparers (domain/access/permissions); anyone else's new plan would be refused.
  const mayStart = actor !== null && mayCreatePlan(actor, learner.schoolId);

  async function start(fromPrevious: boolean) {
    if (!actor) return;
    setBusy(true);
    try {
      const plan = await createPlan(db, {
        learnerId: learner.id,
        schoolId: learner.schoolId,
        semester: current,
        preparerId: actor.userId,
        ...(fromPrevious && previous ? { from: previous } : {}),
      });
      await navigate(`/plans/${plan.id}`);
    } catch (error) {
      if (!(error instanceof PlanExistsError)) throw error;
      notify({ kind: 'info', key: 'plans:learnerPlans.exists' });
      await navigate(`/plans/${error.planId}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="plan-section" aria-labelledby="learner-plans">
      <h2 id="learner-plans">{t('learnerPlans.title')}</h2>
      {plans.length === 0 ? <p className="empty">{t('learnerPlans.none')}</p> : null}
      <ul className="plan-list">
        {plans.map((p) => (
          <li key={p.id}>
            <Link to={`/plans/${p.id}`} className="plan-list__link">
              <span>{t('semester', { schoolYear: p.schoolYear, semester: p.semester })}</span>
              <span className={`badge plan-status plan-status--${p.status}`}>{t(`status.${p.status}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {!hasCurrent && !mayStart ? <p className="plan-section__hint">{t('learnerPlans.preparersOnly')}</p> : null}
      {!hasCurrent && mayStart ? (
        <div className="form__actions form__actions--start">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void start(false)}>
            {t('learnerPlans.createBlank', { ...current })}
          </button>
          {previous ? (
            <button type="button" className="button" disabled={busy} onClick={() => void start(true)}>
              {t('learnerPlans.createFromPrevious')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
