import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  defaultProfile,
  localDate,
  profileOfCompetition,
  youthApplicantKinds,
  type YouthCompetitionRecord,
} from '../../domain';
import { addYouthRecord, updateYouthRecord, useDatabase, useStoredProfiles } from '../../db';
import { CheckboxGroup, TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { linesOf } from './format';
import { TextArea } from './TextArea';
import { useYouth } from './useYouth';
import {
  applicationValuesOf,
  emptyApplicationValues,
  toApplicationFields,
  type ApplicationFields,
  type ApplicationFormValues,
} from './youthForms';
import './youthProjects.css';

/**
 * /youth-projects/:competitionId/applications/new and …/:applicationId/edit: an application as received by the
 * municipality (000: an organisation working with youth, maybe with a youth initiative group), with the checklist
 * of the competition's required documents.
 */
export function ApplicationEditPage() {
  const { t } = useTranslation(['youthProjects', 'common']);
  const { competitionId = '', applicationId } = useParams();
  const navigate = useNavigate();
  const db = useDatabase();
  const { competitions, applications, decides, loading } = useYouth();
  const competition = competitions.find((c) => c.id === competitionId);
  const existing = applicationId ? applications.find((a) => a.id === applicationId) : undefined;
  const back = () =>
    void navigate(
      existing ? `/youth-projects/${competitionId}/applications/${existing.id}` : `/youth-projects/${competitionId}`,
    );
  const initial = useMemo(
    () =>
      existing ? applicationValuesOf(existing.application) : emptyApplicationValues(localDate(new Date()).slice(0, 7)),
    [existing],
  );
  const ready = competition && decides && (!applicationId || existing);

  async function save(fields: ApplicationFields) {
    if (!competition) return;
    try {
      if (existing) {
        await updateYouthRecord(db, existing.id, (current) => ({
          ...current,
          application: { ...(current.application ?? existing.application), ...fields },
        }));
      } else {
        await addYouthRecord(db, {
          kind: 'application',
          municipalityId: competition.municipalityId,
          commissionIds: [...competition.competition.commission],
          application: {
            ...fields,
            competitionId: competition.id,
            scores: [],
            status: 'applied',
            decisionReason: '',
            progress: [],
          },
        });
      }
      notify({ kind: 'success', key: 'youthProjects:applicationSaved' });
      back();
    } catch {
      notify({ kind: 'error', key: 'youthProjects:saveFailed' });
    }
  }

  return (
    <section className="page youth" aria-labelledby="application-edit-title">
      <header className="page__header">
        <h1 id="application-edit-title">{existing ? t('editApplication') : t('newApplication')}</h1>
      </header>
      <p className="youth__back">
        <Link to={`/youth-projects/${competitionId}`}>{competition?.competition.title ?? t('back')}</Link>
      </p>
      {!ready && !loading ? <p className="empty">{competition ? t('notAllowed') : t('notFound')}</p> : null}
      {ready ? (
        <ApplicationForm
          key={existing?.id ?? 'new'}
          competition={competition}
          initial={initial}
          onSubmit={save}
          onCancel={back}
        />
      ) : null}
    </section>
  );
}

function ApplicationForm({
  competition,
  initial,
  onSubmit,
  onCancel,
}: {
  competition: YouthCompetitionRecord;
  initial: ApplicationFormValues;
  onSubmit: (fields: ApplicationFields) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['youthProjects', 'common']);
  const kindId = useId();
  const { data: stored } = useStoredProfiles();
  const profile = profileOfCompetition(competition.competition, stored) ?? defaultProfile;
  const { values, errors, saving, set, field, submit } = useValidatedForm(
    initial,
    (typed) => toApplicationFields(typed, profile),
    (fields) => onSubmit(fields),
  );
  const { minMonths, maxMonths } = profile.youthProject;
  return (
    <form className="form youth-form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <TextField label={t('application.organisation')} {...field('organisation')} autoComplete="off" required />
        <div className="field">
          <label htmlFor={kindId}>{t('application.applicantKind')}</label>
          <select id={kindId} value={values.applicantKind} onChange={(e) => set('applicantKind')(e.target.value)}>
            {youthApplicantKinds.map((k) => (
              <option key={k} value={k}>
                {t(`applicantKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="checks__option youth-check">
          <input
            type="checkbox"
            checked={values.withInitiativeGroup === 'yes'}
            onChange={(e) => set('withInitiativeGroup')(e.target.checked ? 'yes' : '')}
          />
          <span>{t('application.withInitiativeGroup')}</span>
        </label>
        <TextField label={t('application.title')} {...field('title')} autoComplete="off" required />
        <TextField
          label={t('application.contact')}
          hint={t('application.contactHint')}
          {...field('contact')}
          autoComplete="off"
        />
        <TextField
          label={t('application.atRisk')}
          inputMode="numeric"
          {...field('atRiskParticipants')}
          autoComplete="off"
          required
        />
        <TextField label={t('application.startMonth')} type="month" {...field('startMonth')} required />
        <TextField
          label={t('application.months')}
          hint={t('application.monthsHint', { min: minMonths, max: maxMonths })}
          inputMode="numeric"
          {...field('months')}
          autoComplete="off"
          required
        />
        <TextArea label={t('application.partners')} hint={t('application.partnersHint')} {...field('partners')} />
        <TextArea label={t('application.activities')} {...field('activities')} />
      </div>
      {competition.competition.requiredDocuments.length ? (
        <CheckboxGroup
          legend={t('application.documents')}
          options={competition.competition.requiredDocuments.map((d) => ({ value: d.id, label: d.title }))}
          selected={linesOf(values.documentsReceived)}
          onChange={(ids) => set('documentsReceived')(ids.join('\n'))}
          error={errors.documentsReceived}
        />
      ) : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}
