import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { competitionSummary, countable, maxTotal, rankApplications } from '../../domain';
import { formatDay, formatMoney } from './format';
import { useYouth } from './useYouth';
import './youthProjects.css';

/**
 * /youth-projects/:competitionId: a competition's call (criteria, checklist, commission), its summary, and its
 * applications ranked by the commission's average score, with their status.
 */
export function CompetitionPage() {
  const { t, i18n } = useTranslation(['youthProjects', 'common']);
  const { competitionId = '' } = useParams();
  const { competitions, applicationsOf, decides, names, loading, refused, actor } = useYouth();
  const record = competitions.find((c) => c.id === competitionId);
  const lang = i18n.language;
  if (!record) {
    return (
      <section className="page youth">
        <h1>{t('title')}</h1>
        {loading ? null : <p className="empty">{t('notFound')}</p>}
        <Link to="/youth-projects">{t('back')}</Link>
      </section>
    );
  }
  const c = record.competition;
  const applications = applicationsOf(record.id);
  const summary = competitionSummary(countable(applications, refused).map((a) => a.application));
  const ranked = rankApplications(applications, c);
  const member = actor !== null && c.commission.includes(actor.userId);
  return (
    <section className="page youth" aria-labelledby="competition-title">
      <header className="page__header">
        <h1 id="competition-title">{c.title}</h1>
        {decides ? (
          <div className="page__actions">
            <Link className="button button--primary" to={`/youth-projects/${record.id}/applications/new`}>
              {t('newApplication')}
            </Link>
          </div>
        ) : null}
      </header>
      <p className="youth__back">
        <Link to="/youth-projects">{t('back')}</Link>
      </p>
      <section className="youth-panel" aria-labelledby="competition-call">
        <h2 id="competition-call">{t('call')}</h2>
        <dl className="youth-facts">
          <div>
            <dt>{t('form.opens')}</dt>
            <dd>{formatDay(c.opens, lang)}</dd>
          </div>
          <div>
            <dt>{t('form.deadline')}</dt>
            <dd>{formatDay(c.deadline, lang)}</dd>
          </div>
          <div>
            <dt>{t('form.budget')}</dt>
            <dd>{formatMoney(c.budgetCents, lang)}</dd>
          </div>
          <div>
            <dt>{t('summary.title')}</dt>
            <dd data-testid="competition-summary">
              {t('summary.applied', { count: summary.applied })}, {t('summary.approved', { count: summary.approved })}
            </dd>
          </div>
        </dl>
        <h3>{t('criteria')}</h3>
        <ul className="youth-plain">
          {c.criteria.map((k) => (
            <li key={k.id}>{t('criterion', { title: k.title, max: k.maxScore })}</li>
          ))}
        </ul>
        {c.requiredDocuments.length ? (
          <>
            <h3>{t('form.documents')}</h3>
            <ul className="youth-plain">
              {c.requiredDocuments.map((d) => (
                <li key={d.id}>{d.title}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>{t('form.commission')}</h3>
        <p>{c.commission.map((id) => names.get(id) ?? t('unknownPerson')).join(', ') || t('noCommission')}</p>
        {member ? <p className="youth-note">{t('youAreMember')}</p> : null}
      </section>
      <section aria-labelledby="competition-ranking">
        <h2 id="competition-ranking">{t('ranking')}</h2>
        {applications.length === 0 ? <p className="empty">{t('noApplications')}</p> : null}
        {applications.length ? (
          <div className="youth-table-wrap">
            <table className="youth-table youth-table--ranking">
              <caption className="visually-hidden">{t('rankingCaption', { max: maxTotal(c) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rank')}</th>
                  <th scope="col">{t('application.organisation')}</th>
                  <th scope="col">{t('average', { max: maxTotal(c) })}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map(({ record: a, average, rank, sheets }) => (
                  <tr key={a.id} data-testid="ranking-row">
                    <td>{rank ?? '–'}</td>
                    <th scope="row">
                      <Link to={`/youth-projects/${record.id}/applications/${a.id}`}>{a.application.organisation}</Link>
                      <span className="youth-table__sub">{a.application.title}</span>
                      <span className="youth-table__sub">
                        <span className={`youth-status youth-status--${a.application.status}`}>
                          {t(`status.${a.application.status}`)}
                        </span>
                        {a.application.grantCents !== undefined
                          ? ` ${formatMoney(a.application.grantCents, lang)}`
                          : ''}
                      </span>
                    </th>
                    <td>
                      {average === null ? '–' : average.toLocaleString(lang)}
                      <span className="youth-table__sub">
                        {t('sheets', { done: sheets, all: c.commission.length })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </section>
  );
}
