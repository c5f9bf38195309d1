import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { classNames, compareLearners, matchesLearnerQuery } from '../../domain';
import { useLearnersOfSchool, useSchools } from '../../db';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { LearnerRow } from './LearnerRow';

export function LearnerListPage() {
  const { t } = useTranslation(['learners', 'common']);
  const searchId = useId();
  const classId = useId();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools, loading: schoolsLoading } = useSchools();
  const { data: learners, loading } = useLearnersOfSchool(schoolId);
  const [query, setQuery] = useState('');
  const [className, setClassName] = useState('');
  const deferredQuery = useDeferredValue(query);

  const classes = useMemo(() => classNames(learners), [learners]);
  const visible = useMemo(
    () =>
      learners
        .filter((l) => (className ? l.className === className : true))
        .filter((l) => matchesLearnerQuery(l, deferredQuery))
        .sort(compareLearners),
    [learners, className, deferredQuery],
  );

  if (!schoolsLoading && schools.length === 0) {
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
        {schoolId ? (
          <Link className="button button--primary" to="/learners/new">
            {t('add')}
          </Link>
        ) : null}
      </header>
      <div className="toolbar">
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
      </div>
      <p className="page__count" aria-live="polite">
        {loading ? '' : t('count', { count: visible.length })}
      </p>
      {!loading && learners.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      {!loading && learners.length > 0 && visible.length === 0 ? <p className="empty">{t('noMatches')}</p> : null}
      <ul className="learner-list">
        {visible.map((learner) => (
          <LearnerRow key={learner.id} learner={learner} />
        ))}
      </ul>
    </section>
  );
}
