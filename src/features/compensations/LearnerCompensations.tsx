import { useTranslation } from 'react-i18next';
import { useRefusedIds, useRejection } from '../../sync';
import { RefusalNotice } from '../syncDecisions';
import {
  keepsCompensations,
  paysCompensations,
  localDate,
  monthsOf,
  nextCompensationStatus,
  planProgress,
  sameSemester,
  semesterOf,
  countable,
  type Compensation,
  type Learner,
} from '../../domain';
import {
  addCompensation,
  setCompensationStatus,
  useCompensationsOfLearner,
  useDatabase,
  usePlanProfile,
  usePlansOfLearner,
  useProfileOfSchoolYear,
} from '../../db';
import { useActor } from '../account';
import { notify } from '../notifications';
import { formatEuros } from '../plans';
import { monthInWords } from '../ui';
import { CompensationForm } from './CompensationForm';

/** A learner's compensations: this semester's totals against the plan, the records with their status, a new one. */
export function LearnerCompensations({ learner }: { learner: Learner }) {
  const { t, i18n } = useTranslation(['compensations', 'profile']);
  const db = useDatabase();
  const actor = useActor();
  const { data: compensations } = useCompensationsOfLearner(learner.id);
  // Refused records stay listed (with the refusal) but count in no total, cap or share: the server does not hold them.
  const refusedIds = useRefusedIds('compensations');
  const counted = countable(compensations, refusedIds);
  const { data: plans } = usePlansOfLearner(learner.id);
  const keeper = actor !== null && keepsCompensations(actor.roles);
  // An accountant approves and pays what the keepers recorded, and records nothing themselves.
  const mayMoveOn = keeper || (actor !== null && paysCompensations(actor.roles));
  const today = localDate(new Date());
  const semester = semesterOf(today);
  const months = new Set(monthsOf(semester));
  const plan = plans.find((p) => sameSemester(p, semester) && p.status !== 'inactive');
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  // The plan's own profile sets the caps (the server's test too); without a plan, the school year's.
  const planProfile = usePlanProfile(plan);
  const yearProfile = useProfileOfSchoolYear(semester.schoolYear);
  const profile = plan ? planProfile : yearProfile;

  const thisSemester = counted.filter((c) => months.has(c.month));
  const categories = [...new Set(thisSemester.map((c) => c.category))];
  const planned = plan
    ? planProgress(plan, [], counted, profile).measures.filter((m) => m.kind === 'compensation')
    : [];

  return (
    <section className="plan-section" aria-labelledby="learner-compensations">
      <h2 id="learner-compensations">{t('title')}</h2>
      {categories.length > 0 ? (
        <div className="compensation-totals">
          <h3>{t('totals.title')}</h3>
          <ul>
            {categories.map((category) => {
              const recorded = thisSemester
                .filter((c) => c.category === category)
                .reduce((s, c) => s + c.amountCents, 0);
              const measure = plan?.measures.find(
                (m) => m.kind === 'compensation' && m.compensationCategory === category,
              );
              const plannedCents = planned.find((p) => p.measureId === measure?.id)?.planned;
              const label = t(`profile:compensation.${category}`);
              return (
                <li key={category}>
                  {plannedCents !== undefined
                    ? t('totals.line', { category: label, recorded: euros(recorded), planned: euros(plannedCents) })
                    : t('totals.unplanned', { category: label, recorded: euros(recorded) })}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {compensations.length === 0 ? <p className="empty">{t('none')}</p> : null}
      <ul className="compensation-list">
        {compensations.map((c) => (
          <CompensationRow key={c.id} compensation={c} mayMoveOn={mayMoveOn} />
        ))}
      </ul>
      {keeper ? (
        <CompensationForm
          learner={learner}
          recorded={counted}
          defaultMonth={today.slice(0, 7)}
          profile={profile}
          onSave={async (entry) => {
            const planFor = plans.find((p) => sameSemester(p, semesterOf(entry.month)) && p.status !== 'inactive');
            await addCompensation(db, {
              ...entry,
              schoolId: learner.schoolId,
              learnerId: learner.id,
              planId: planFor?.id ?? '',
            });
            notify({ kind: 'success', key: 'compensations:saved' });
          }}
        />
      ) : null}
    </section>
  );
}

/** One record; a refusal by the server (e.g. over the cap after another device's record) is shown on it. */
function CompensationRow({ compensation: c, mayMoveOn }: { compensation: Compensation; mayMoveOn: boolean }) {
  const { t, i18n } = useTranslation(['compensations', 'profile', 'common']);
  const db = useDatabase();
  const rejection = useRejection('compensations', c.id);
  const next = nextCompensationStatus(c.status);
  return (
    <li className="compensation">
      <span className="compensation__what">
        <strong>{t(`profile:compensation.${c.category}`)}</strong> · {monthInWords(i18n.language, c.month)}
        {c.note ? <span className="compensation__note">{c.note}</span> : null}
      </span>
      <span className="compensation__amount">{formatEuros(c.amountCents, i18n.language)}</span>
      <span className={`badge${c.status === 'paid' ? ' badge--ok' : ''}`}>{t(`status.${c.status}`)}</span>
      {mayMoveOn && next && !rejection ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => void setCompensationStatus(db, c.id, next)}
        >
          {t(`next.${next}`)}
        </button>
      ) : null}
      <RefusalNotice collection="compensations" id={c.id} counted />
    </li>
  );
}
