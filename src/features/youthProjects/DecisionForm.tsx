import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultProfile, profileOfCompetition, type YouthApplicationRecord, type YouthCompetition } from '../../domain';
import { updateYouthRecord, useDatabase, useStoredProfiles } from '../../db';
import { TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { centsToInput } from './format';
import { TextArea } from './TextArea';
import { toDecision } from './youthForms';

/**
 * The municipal coordinator records the commission's decision: approved, with exactly the programme's grant
 * (offered, and any other amount refused), or rejected with a reason.
 */
export function DecisionForm({
  record,
  competition,
}: {
  record: YouthApplicationRecord;
  competition: YouthCompetition;
}) {
  const { t } = useTranslation(['youthProjects', 'common']);
  const db = useDatabase();
  const outcomeId = useId();
  const { data: stored } = useStoredProfiles();
  const profile = profileOfCompetition(competition, stored) ?? defaultProfile;
  const a = record.application;
  const { values, saving, set, field, submit } = useValidatedForm(
    {
      outcome: a.status === 'rejected' ? 'rejected' : 'approved',
      grant: centsToInput(a.grantCents ?? profile.youthProject.grantCents),
      reason: a.decisionReason,
    },
    (typed) => toDecision(typed, profile),
    async (decision) => {
      try {
        await updateYouthRecord(db, record.id, (current) => {
          const { grantCents: _old, ...application } = current.application ?? a;
          return {
            ...current,
            application: {
              ...application,
              status: decision.status,
              decisionReason: decision.decisionReason,
              ...(decision.grantCents === undefined ? {} : { grantCents: decision.grantCents }),
            },
          };
        });
        notify({ kind: 'success', key: 'youthProjects:decided' });
      } catch {
        notify({ kind: 'error', key: 'youthProjects:saveFailed' });
      }
    },
  );
  return (
    <section className="youth-panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <form className="form youth-form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={outcomeId}>{t('decision.outcome')}</label>
            <select id={outcomeId} value={values.outcome} onChange={(e) => set('outcome')(e.target.value)}>
              <option value="approved">{t('status.approved')}</option>
              <option value="rejected">{t('status.rejected')}</option>
            </select>
          </div>
          {values.outcome === 'approved' ? (
            <TextField
              label={t('decision.grant')}
              hint={t('decision.grantHint', { amount: centsToInput(profile.youthProject.grantCents) })}
              inputMode="decimal"
              {...field('grant')}
              autoComplete="off"
            />
          ) : null}
          <TextArea
            label={values.outcome === 'rejected' ? t('decision.reason') : t('decision.note')}
            {...field('reason')}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('common:actions.saving') : t('decision.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
