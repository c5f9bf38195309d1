import { useTranslation } from 'react-i18next';
import type { YouthApplicationRecord, YouthCompetition } from '../../domain';
import { updateYouthRecord, useDatabase } from '../../db';
import { TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { sheetValuesOf, toSheet } from './youthForms';

/** A commission member's own scores of one application, one field per criterion (0 to its maximum). */
export function ScoreSheetForm({
  record,
  competition,
  memberId,
}: {
  record: YouthApplicationRecord;
  competition: YouthCompetition;
  memberId: string;
}) {
  const { t } = useTranslation(['youthProjects', 'common']);
  const db = useDatabase();
  const mine = record.application.scores.find((s) => s.id === memberId);
  const { values, errors, saving, set, submit } = useValidatedForm(
    sheetValuesOf(mine, competition),
    (typed) => toSheet(memberId, typed, competition),
    async (sheet) => {
      try {
        // Only this member's sheet changes; the others' are kept as stored now.
        await updateYouthRecord(db, record.id, (current) => {
          const application = current.application ?? record.application;
          const others = application.scores.filter((s) => s.id !== memberId);
          return { ...current, application: { ...application, scores: [...others, sheet] } };
        });
        notify({ kind: 'success', key: 'youthProjects:scored' });
      } catch {
        notify({ kind: 'error', key: 'youthProjects:saveFailed' });
      }
    },
  );
  return (
    <form className="form youth-form youth-sheet" onSubmit={submit} noValidate aria-labelledby="my-scores">
      <h3 id="my-scores">{t('myScores')}</h3>
      <div className="form__grid">
        {competition.criteria.map((k) => (
          <TextField
            key={k.id}
            label={t('criterion', { title: k.title, max: k.maxScore })}
            inputMode="numeric"
            value={values[k.id] ?? ''}
            onChange={(e) => set(k.id)(e.target.value)}
            error={errors[k.id]}
            autoComplete="off"
          />
        ))}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('saveScores')}
        </button>
      </div>
    </form>
  );
}
