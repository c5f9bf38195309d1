import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { averageScore, maxTotal, missingDocuments, sheetTotal, type YouthApplication } from '../../domain';
import { formatMoney, formatMonth } from './format';
import { DecisionForm } from './DecisionForm';
import { ProjectRunning } from './ProjectRunning';
import { ScoreSheetForm } from './ScoreSheetForm';
import { useYouth } from './useYouth';
import './youthProjects.css';

/**
 * /youth-projects/:competitionId/applications/:applicationId: one application — what was applied for and which
 * documents came, the commission's scores (a member enters their own), the decision, and the running project's
 * notes and final report.
 */
export function ApplicationPage() {
  const { t, i18n } = useTranslation(['youthProjects', 'common']);
  const { competitionId = '', applicationId = '' } = useParams();
  const { competitions, applications, names, decides, actor, loading } = useYouth();
  const competition = competitions.find((c) => c.id === competitionId);
  const record = applications.find((a) => a.id === applicationId);
  const lang = i18n.language;
  if (!competition || !record) {
    return (
      <section className="page youth">
        <h1>{t('title')}</h1>
        {loading ? null : <p className="empty">{t('notFound')}</p>}
        <Link to={`/youth-projects/${competitionId}`}>{t('back')}</Link>
      </section>
    );
  }
  const c = competition.competition;
  const a = record.application;
  const missing = missingDocuments(a, c);
  const average = averageScore(a, c);
  const member = actor !== null && c.commission.includes(actor.userId);
  return (
    <section className="page youth" aria-labelledby="application-title">
      <header className="page__header">
        <h1 id="application-title">{a.organisation}</h1>
        {decides && a.status === 'applied' ? (
          <div className="page__actions">
            <Link className="button" to={`/youth-projects/${competitionId}/applications/${record.id}/edit`}>
              {t('editApplication')}
            </Link>
          </div>
        ) : null}
      </header>
      <p className="youth__back">
        <Link to={`/youth-projects/${competitionId}`}>{c.title}</Link>
      </p>
      <p>
        <span className={`youth-status youth-status--${a.status}`} data-testid="application-status">
          {t(`status.${a.status}`)}
        </span>
        {a.grantCents !== undefined ? ` ${t('grant', { amount: formatMoney(a.grantCents, lang) })}` : ''}
        {a.decisionReason ? ` — ${a.decisionReason}` : ''}
      </p>
      <ApplicationDetails application={a} missing={missing.map((d) => d.title)} />
      <section className="youth-panel" aria-labelledby="application-scores">
        <h2 id="application-scores">{t('scores')}</h2>
        <p data-testid="application-average">
          {average === null
            ? t('noAverage')
            : t('averageIs', { average: average.toLocaleString(lang), max: maxTotal(c) })}
        </p>
        {/* One line a member (not a table: a phone has no room for a column per criterion). */}
        <ul className="youth-sheets" aria-label={t('member')}>
          {c.commission.map((m) => {
            const sheet = a.scores.find((s) => s.id === m);
            const total = sheetTotal(sheet, c);
            return (
              <li key={m}>
                <strong>{names.get(m) ?? t('unknownPerson')}</strong>
                <span>
                  {c.criteria
                    .map((k) => `${k.title}: ${sheet?.scores.find((s) => s.criterionId === k.id)?.score ?? '–'}`)
                    .join(' · ')}
                </span>
                <span>
                  {t('total')}: {total ?? '–'}
                </span>
              </li>
            );
          })}
        </ul>
        {member && actor && a.status === 'applied' ? (
          <ScoreSheetForm key={actor.userId} record={record} competition={c} memberId={actor.userId} />
        ) : null}
      </section>
      {decides && (a.status === 'applied' || a.status === 'approved' || a.status === 'rejected') ? (
        <DecisionForm record={record} competition={c} />
      ) : null}
      {a.status === 'approved' || a.status === 'running' || a.status === 'finished' ? (
        <ProjectRunning record={record} editable={decides} />
      ) : null}
    </section>
  );
}

function ApplicationDetails({ application: a, missing }: { application: YouthApplication; missing: string[] }) {
  const { t, i18n } = useTranslation(['youthProjects', 'common']);
  const lang = i18n.language;
  return (
    <section className="youth-panel" aria-labelledby="application-details">
      <h2 id="application-details">{a.title}</h2>
      <dl className="youth-facts">
        {a.applicantKind ? (
          <div>
            <dt>{t('application.applicantKind')}</dt>
            <dd>
              {t(`applicantKind.${a.applicantKind}`)}
              {a.withInitiativeGroup ? `, ${t('application.withInitiativeGroupShort')}` : ''}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('application.contact')}</dt>
          <dd>{a.contact || '–'}</dd>
        </div>
        <div>
          <dt>{t('application.atRisk')}</dt>
          <dd>{a.atRiskParticipants}</dd>
        </div>
        <div>
          <dt>{t('application.duration')}</dt>
          <dd>{t('monthsFrom', { count: a.months, month: formatMonth(a.startMonth, lang) })}</dd>
        </div>
      </dl>
      {a.partners.length ? <p>{t('partnersList', { partners: a.partners.join(', ') })}</p> : null}
      {a.activities ? <p className="youth-text">{a.activities}</p> : null}
      <p className={missing.length ? 'youth-note youth-note--warn' : 'youth-note'} data-testid="documents-state">
        {missing.length ? t('documentsMissing', { list: missing.join(', ') }) : t('documentsComplete')}
      </p>
    </section>
  );
}
