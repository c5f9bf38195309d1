import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  approvalStage,
  availableActions,
  compareLearners,
  defaultProfile,
  profileById,
  semesterRange,
  progressOfPlans,
  semesterOf,
  type Learner,
  type PlanStatus,
  type SupportPlan,
  localDate,
} from '../../domain';
import {
  useConsultationsOfSchool,
  useLearnersInReach,
  useLearnersOfSchool,
  usePlansOfSemester,
  usePlansOfSemesterInReach,
  useSchools,
  useStoredProfiles,
} from '../../db';
import { useActor } from '../account';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { ReadProblem, readFailed } from '../ui';

type Filter = 'waiting' | 'mine' | 'all';
const APPROVERS = ['director', 'municipal_coordinator'] as const;
/** Plans whose support is being (or was) delivered: only they have a share worth showing. */
const DELIVERING: readonly PlanStatus[] = ['in_progress', 'suspended', 'inactive', 'under_revision'];

/** This semester's plans of a school: those waiting for me, mine, or all, with their status at a glance. */
export function PlansListPage() {
  const { t, i18n } = useTranslation(['plans', 'common']);
  const filterId = useId();
  const actor = useActor();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools, error: schoolsError } = useSchools();
  const semester = semesterOf(localDate(new Date()));
  const { data: plans, error: plansError } = usePlansOfSemester(schoolId, semester);
  const { data: learners, error: learnersError } = useLearnersOfSchool(schoolId);
  const days = semesterRange(semester);
  const { data: consultations, error: consultationsError } = useConsultationsOfSchool(
    schoolId ?? undefined,
    days.from,
    days.to,
  );
  // A list that could not be read is not an empty one; a failed consultation read would show 0 % delivered.
  const readErrors = [schoolsError, plansError, learnersError, consultationsError];
  // The plan's share counts consultations only, so compensations are not read here.
  // Each plan's own profile judges its steps and sets its target and session length (the server's test too).
  const { data: storedProfiles } = useStoredProfiles();
  const profileOf = useCallback(
    (plan: SupportPlan) => profileById(storedProfiles, plan.profileId) ?? defaultProfile,
    [storedProfiles],
  );
  const progress = useMemo(
    () => progressOfPlans(plans, consultations, [], profileOf),
    [plans, consultations, profileOf],
  );
  const percent = (share: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const approver = actor?.roles.some((r) => (APPROVERS as readonly string[]).includes(r)) ?? false;
  const [filter, setFilter] = useState<Filter | null>(null);
  const shown: Filter = filter ?? (approver ? 'waiting' : 'mine');
  // "Waiting for me" spans every school in reach (issue 13.4); "mine" and "all" stay with the chosen school.
  const everywhere = shown === 'waiting';
  const { data: plansInReach, error: reachPlansError } = usePlansOfSemesterInReach(semester, everywhere);
  const { data: learnersInReach, error: reachLearnersError } = useLearnersInReach(everywhere);
  const listed = everywhere ? plansInReach : plans;
  const listedLearners = everywhere ? learnersInReach : learners;
  const schoolsById = useMemo(() => new Map(schools.map((s) => [s.id, s])), [schools]);
  const allReadErrors = [...readErrors, reachPlansError, reachLearnersError];

  const rows = useMemo(() => {
    const byId = new Map(listedLearners.map((l) => [l.id, l]));
    return listed
      .map((plan) => ({ plan, learner: byId.get(plan.learnerId) }))
      .filter((row): row is { plan: typeof row.plan; learner: Learner } => row.learner !== undefined)
      .filter(({ plan, learner }) => {
        if (shown === 'all' || !actor) return true;
        if (shown === 'mine') return plan.preparerIds.includes(actor.userId);
        const planSchool = schoolsById.get(plan.schoolId);
        if (!planSchool) return false;
        const context = { actor, school: planSchool, learner, profile: profileOf(plan), today: localDate(new Date()) };
        return availableActions(plan, context).includes('approve');
      })
      .sort((a, b) => compareLearners(a.learner, b.learner));
  }, [listed, listedLearners, shown, actor, schoolsById, profileOf]);
  // Rows from every school say whose they are, for someone who holds more than one.
  const severalSchools = everywhere && schools.length > 1;

  return (
    <section className="page" aria-labelledby="plans-title">
      <header className="page__header">
        <div>
          <h1 id="plans-title">{t('list.title')}</h1>
          <p className="plan-page__who">{t('semester', { ...semester })}</p>
        </div>
      </header>
      <div className="toolbar toolbar--pair">
        <SchoolPicker />
        <div className="field">
          <label htmlFor={filterId}>{t('list.show')}</label>
          <select id={filterId} value={shown} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="waiting">{t('list.waiting')}</option>
            <option value="mine">{t('list.mine')}</option>
            <option value="all">{t('list.all')}</option>
          </select>
        </div>
      </div>
      <p className="page__count">{t('list.count', { count: rows.length })}</p>
      <ReadProblem errors={allReadErrors} />
      {rows.length === 0 && !readFailed(allReadErrors) ? <p className="empty">{t(`list.empty.${shown}`)}</p> : null}
      <ul className="plan-list">
        {rows.map(({ plan, learner }) => {
          const stage = approvalStage(plan);
          const share = progress.get(plan.id)?.share;
          return (
            <li key={plan.id}>
              <Link to={`/plans/${plan.id}`} className="plan-list__link">
                <span>
                  <strong>
                    {learner.lastName} {learner.firstName}
                  </strong>{' '}
                  <span className="plan-list__class">{learner.className}</span>
                  {severalSchools ? (
                    <span className="plan-list__stage">{schoolsById.get(plan.schoolId)?.name}</span>
                  ) : null}
                  {stage ? <span className="plan-list__stage">{t(`stage.${stage}`)}</span> : null}
                </span>
                <span className="plan-list__end">
                  <span className={`badge plan-status plan-status--${plan.status}`}>{t(`status.${plan.status}`)}</span>
                  {share !== null && share !== undefined && DELIVERING.includes(plan.status) ? (
                    <span
                      className={`plan-list__share${share >= profileOf(plan).deliveredTarget ? ' plan-list__share--ok' : ''}`}
                      title={t('progress.share', {
                        share: percent(share),
                        target: percent(profileOf(plan).deliveredTarget),
                      })}
                    >
                      <progress value={share} max={1} aria-hidden="true" />
                      <span className="visually-hidden">{t('progress.title')}: </span>
                      {percent(share)}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
