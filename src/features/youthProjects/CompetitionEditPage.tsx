import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { localDate, runsYouthCompetitions, semesterOf, type YouthCompetition } from '../../domain';
import { addYouthRecord, useDatabase, useProfileOfSchoolYear } from '../../db';
import { CheckboxGroup, TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { TextArea } from './TextArea';
import { useYouth } from './useYouth';
import { emptyCompetitionValues, toCompetition } from './youthForms';
import { linesOf } from './format';
import './youthProjects.css';

/** /youth-projects/new: the municipal coordinator announces a competition (a call for applications). */
export function CompetitionEditPage() {
  const { t } = useTranslation(['youthProjects', 'common']);
  const navigate = useNavigate();
  const db = useDatabase();
  const { actor, municipalities } = useYouth();
  const municipality = municipalities[0];
  const back = () => void navigate('/youth-projects');
  if (!actor || !runsYouthCompetitions(actor.roles) || !municipality) {
    return (
      <section className="page youth">
        <h1>{t('announceTitle')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }
  return (
    <section className="page youth" aria-labelledby="youth-announce-title">
      <header className="page__header">
        <h1 id="youth-announce-title">{t('announceTitle')}</h1>
      </header>
      <p className="youth__back">
        <Link to="/youth-projects">{t('back')}</Link>
      </p>
      <CompetitionForm
        municipalityId={municipality.id}
        onSubmit={async (competition) => {
          await addYouthRecord(db, { kind: 'competition', municipalityId: municipality.id, competition });
          notify({ kind: 'success', key: 'youthProjects:announced' });
          back();
        }}
        onCancel={back}
      />
    </section>
  );
}

function CompetitionForm({
  municipalityId,
  onSubmit,
  onCancel,
}: {
  municipalityId: string;
  onSubmit: (competition: YouthCompetition) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['youthProjects', 'common']);
  const { users, actor } = useYouth();
  // A call is announced under the profile of the school year it opens in (an administrator chooses it per year).
  const today = localDate(new Date());
  const profile = useProfileOfSchoolYear(semesterOf(today).schoolYear);
  const { values, errors, saving, set, field, submit } = useValidatedForm(
    emptyCompetitionValues(today),
    (typed) => toCompetition(typed, profile.id),
    (competition) => onSubmit(competition),
  );
  // The commission: active staff of the municipality this device knows (its coordinators and its schools' staff).
  const candidates = useMemo(
    () =>
      users
        .filter((u) => u.active && (u.municipalityId === municipalityId || u.schoolIds.length > 0))
        .map((u) => ({ value: u.id, label: u.id === actor?.userId ? `${u.displayName} (${t('you')})` : u.displayName }))
        .sort((a, b) => a.label.localeCompare(b.label, 'lv')),
    [users, municipalityId, actor, t],
  );
  return (
    <form className="form youth-form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <TextField label={t('form.title')} {...field('title')} autoComplete="off" required />
        <TextField label={t('form.opens')} type="date" {...field('opens')} required />
        <TextField label={t('form.deadline')} type="date" {...field('deadline')} required />
        <TextField
          label={t('form.budget')}
          hint={t('form.budgetHint', { amount: profile.youthProject.grantCents / 100 })}
          inputMode="decimal"
          {...field('budget')}
          autoComplete="off"
          required
        />
        <TextArea label={t('form.criteria')} hint={t('form.criteriaHint')} {...field('criteria')} />
        <TextArea label={t('form.documents')} hint={t('form.documentsHint')} {...field('documents')} />
      </div>
      <CheckboxGroup
        legend={t('form.commission')}
        hint={t('form.commissionHint')}
        options={candidates}
        selected={linesOf(values.commission)}
        onChange={(ids) => set('commission')(ids.join('\n'))}
        error={errors.commission}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('announceSave')}
        </button>
      </div>
    </form>
  );
}
