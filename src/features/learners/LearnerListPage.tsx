import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  canWrite,
  classNames,
  compareLearners,
  currentPlans,
  localDate,
  matchesLearnerQuery,
  matchesPlanFilter,
  planStatuses,
  semesterOf,
  type PlanFilter,
} from '../../domain';
import { useLearnersOfSchool, usePlansOfSemester, useProfileOfPlans, useSchools } from '../../db';
import { useActor } from '../account';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { ReadProblem, readFailed } from '../ui';
import { LearnerRow } from './LearnerRow';

export function LearnerListPage() {
  const { t } = useTranslation(['learners', 'common', 'plans', 'profile', 'classImport']);
  const searchId = useId();
  const classId = useId();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools, loading: schoolsLoading, error: schoolsError } = useSchools();
  const { data: learners, loading, error: learnersError } = useLearnersOfSchool(schoolId);
  const [query, setQuery] = useState('');
  const [className, setClassName] = useState('');
  const planId = useId();
  const riskId = useId();
  const actor = useActor();
  const semester = semesterOf(localDate(new Date()));
  const { data: plans, error: plansError } = usePlansOfSemester(schoolId, semester);
  // The risk filter offers what the plans' own profiles name (a "Skola–kopiena" plan's added risks too).
  const profile = useProfileOfPlans(plans, semester.schoolYear);
  const readErrors = [schoolsError, learnersError, plansError];
  // A list that could not be read is not an empty one: say so instead of "no learners".
  const failed = readFailed(readErrors);
  const plansByLearner = useMemo(() => currentPlans(plans), [plans]);
  const [planStatus, setPlanStatus] = useState<PlanFilter['planStatus']>('');
  const [riskGroup, setRiskGroup] = useState('');
  const [mine, setMine] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const activeFilters = [className, planStatus, riskGroup, mine].filter(Boolean).length;
  const deferredQuery = useDeferredValue(query);
  // Coordinators read every school of their municipality but add no learners: offer only what the server accepts.
  const mayAdd = actor !== null && schoolId !== null && canWrite(actor, 'learners', null, { schoolId }).ok;

  const classes = useMemo(() => classNames(learners), [learners]);
  const visible = useMemo(
    () =>
      learners
        .filter((l) => (className ? l.className === className : true))
        .filter((l) => matchesLearnerQuery(l, deferredQuery))
        .filter((l) =>
          matchesPlanFilter(
            plansByLearner.get(l.id),
            { planStatus, riskGroup, preparedBy: mine && actor ? actor.userId : '' },
            profile,
          ),
        )
        .sort(compareLearners),
    [learners, className, deferredQuery, plansByLearner, planStatus, riskGroup, mine, actor, profile],
  );

  if (!schoolsLoading && schools.length === 0 && !schoolsError) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('common:school.none')}</p>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="learners-title">
      <header className="page__header">
        <h1 id="learners-title">{t('title')}</h1>
        {schoolId && mayAdd ? (
          <div className="page__actions">
            <Link className="button" to="/learners/import">
              {t('classImport:open')}
            </Link>
            <Link className="button button--primary" to="/learners/new">
              {t('add')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="toolbar learner-search">
        <SchoolPicker />
        <div className="toolbar__field toolbar__field--grow">
          <label htmlFor={searchId}>{t('search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
        </div>
      </div>
      {/* On a phone the filters fold behind one button that says how many are on (issue 13.2); wider, they show. */}
      <button
        type="button"
        className="button learner-filters__toggle"
        aria-expanded={filtersOpen}
        aria-controls={filtersId}
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {activeFilters > 0 ? t('filters.active', { count: activeFilters }) : t('filters.none')}
      </button>
      <div id={filtersId} className={`toolbar learner-filters${filtersOpen ? ' learner-filters--open' : ''}`}>
        <div className="toolbar__field">
          <label htmlFor={classId}>{t('classFilter')}</label>
          <select id={classId} value={className} onChange={(e) => setClassName(e.target.value)}>
            <option value="">{t('allClasses')}</option>
            {classes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__field">
          <label htmlFor={planId}>{t('planFilter')}</label>
          <select
            id={planId}
            value={planStatus}
            onChange={(e) => setPlanStatus(e.target.value as PlanFilter['planStatus'])}
          >
            <option value="">{t('anyPlan')}</option>
            <option value="none">{t('noPlan')}</option>
            {planStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`plans:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__field">
          <label htmlFor={riskId}>{t('riskFilter')}</label>
          <select id={riskId} value={riskGroup} onChange={(e) => setRiskGroup(e.target.value)}>
            <option value="">{t('anyRisk')}</option>
            {profile.riskGroups.map((g) => (
              <option key={g.code} value={g.code}>
                {t(`profile:riskGroup.${g.code}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check toolbar__check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <span>{t('mine')}</span>
        </label>
      </div>
      <p className="page__count" aria-live="polite">
        {loading ? '' : t('count', { count: visible.length })}
      </p>
      <ReadProblem errors={readErrors} />
      {!loading && !failed && learners.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      {!loading && !failed && learners.length > 0 && visible.length === 0 ? (
        <p className="empty">{t('noMatches')}</p>
      ) : null}
      <ul className="learner-list">
        {visible.map((learner) => (
          <LearnerRow key={learner.id} learner={learner} planStatus={plansByLearner.get(learner.id)?.status} />
        ))}
      </ul>
    </section>
  );
}
