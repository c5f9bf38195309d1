import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { competitionSummary, countable } from '../../domain';
import { formatDay, formatMoney } from './format';
import { useYouth } from './useYouth';
import './youthProjects.css';

/**
 * /youth-projects: the municipality's competitions for youth initiative projects (000, 002), each with its summary
 * ("14 applied, 8 approved"); the municipal coordinator announces a new one.
 */
export function YouthProjectsPage() {
  const { t, i18n } = useTranslation(['youthProjects', 'common']);
  const { competitions, applicationsOf, decides, loading, municipalityNames, refused } = useYouth();
  const lang = i18n.language;
  return (
    <section className="page youth" aria-labelledby="youth-title">
      <header className="page__header">
        <h1 id="youth-title">{t('title')}</h1>
        {decides ? (
          <div className="page__actions">
            <Link className="button button--primary" to="/youth-projects/new">
              {t('announce')}
            </Link>
          </div>
        ) : null}
      </header>
      <p className="page__lead">{t('lead')}</p>
      {!loading && competitions.length === 0 ? <p className="empty">{t('none')}</p> : null}
      <ul className="youth-list">
        {competitions.map((c) => {
          const summary = competitionSummary(countable(applicationsOf(c.id), refused).map((a) => a.application));
          return (
            <li key={c.id} className="youth-card">
              <h2 className="youth-card__title">
                <Link to={`/youth-projects/${c.id}`}>{c.competition.title}</Link>
              </h2>
              <p className="youth-card__meta">
                <span>{municipalityNames.get(c.municipalityId) ?? c.municipalityId}</span>
                <span>
                  {t('dates', {
                    opens: formatDay(c.competition.opens, lang),
                    deadline: formatDay(c.competition.deadline, lang),
                  })}
                </span>
                <span>{t('budget', { amount: formatMoney(c.competition.budgetCents, lang) })}</span>
              </p>
              <p className="youth-card__summary" data-testid="competition-summary">
                {t('summary.applied', { count: summary.applied })}, {t('summary.approved', { count: summary.approved })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
