import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate, type YouthApplicationRecord } from '../../domain';
import { updateYouthRecord, useDatabase } from '../../db';
import { TextField, useValidatedForm } from '../forms';
import { notify } from '../notifications';
import { formatDay, formatMoney } from './format';
import { TextArea } from './TextArea';
import { reportValuesOf, toReport } from './youthForms';

/**
 * An approved project through to finished: it starts, gathers progress notes, and closes with the final report
 * (activities held, participants reached, at-risk participants, money spent against the grant).
 */
export function ProjectRunning({ record, editable }: { record: YouthApplicationRecord; editable: boolean }) {
  const { t, i18n } = useTranslation(['youthProjects', 'common']);
  const db = useDatabase();
  const a = record.application;
  const lang = i18n.language;
  const [note, setNote] = useState('');

  async function change(step: Parameters<typeof updateYouthRecord>[2], key: string) {
    try {
      await updateYouthRecord(db, record.id, step);
      notify({ kind: 'success', key });
    } catch {
      notify({ kind: 'error', key: 'youthProjects:saveFailed' });
    }
  }
  const withApplication =
    (edit: (application: typeof a) => typeof a): Parameters<typeof updateYouthRecord>[2] =>
    (current) => ({ ...current, application: edit(current.application ?? a) });

  return (
    <section className="youth-panel" aria-labelledby="running-title">
      <h2 id="running-title">{t('running.title')}</h2>
      {editable && a.status === 'approved' ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            void change(
              withApplication((x) => ({ ...x, status: 'running' })),
              'youthProjects:started',
            )
          }
        >
          {t('running.start')}
        </button>
      ) : null}
      <h3>{t('running.notes')}</h3>
      {a.progress.length === 0 ? <p className="empty">{t('running.noNotes')}</p> : null}
      <ul className="youth-plain">
        {a.progress.map((p) => (
          <li key={p.id}>
            <strong>{formatDay(p.date, lang)}</strong> {p.text}
          </li>
        ))}
      </ul>
      {editable && a.status === 'running' ? (
        <form
          className="form youth-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = note.trim();
            if (!text) return;
            void change(
              withApplication((x) => ({
                ...x,
                progress: [...x.progress, { id: crypto.randomUUID(), date: localDate(new Date()), text }],
              })),
              'youthProjects:noteAdded',
            ).then(() => setNote(''));
          }}
        >
          <TextArea label={t('running.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          <div className="form__actions">
            <button type="submit" className="button">
              {t('running.addNote')}
            </button>
          </div>
        </form>
      ) : null}
      {a.report ? (
        <>
          <h3>{t('report.title')}</h3>
          <dl className="youth-facts" data-testid="final-report">
            <div>
              <dt>{t('report.participants')}</dt>
              <dd>{a.report.participants}</dd>
            </div>
            <div>
              <dt>{t('report.atRisk')}</dt>
              <dd>{a.report.atRiskParticipants}</dd>
            </div>
            <div>
              <dt>{t('report.spent')}</dt>
              <dd>
                {a.report.spentCents === undefined
                  ? '–'
                  : t('report.spentOf', {
                      spent: formatMoney(a.report.spentCents, lang),
                      grant: formatMoney(a.grantCents ?? 0, lang),
                    })}
              </dd>
            </div>
          </dl>
          {a.report.activities ? <p className="youth-text">{a.report.activities}</p> : null}
        </>
      ) : null}
      {editable && a.status === 'running' ? (
        <ReportForm
          record={record}
          onSave={(report) =>
            change(
              withApplication((x) => ({ ...x, report, status: 'finished' })),
              'youthProjects:finished',
            )
          }
        />
      ) : null}
    </section>
  );
}

function ReportForm({
  record,
  onSave,
}: {
  record: YouthApplicationRecord;
  onSave: (report: NonNullable<YouthApplicationRecord['application']['report']>) => Promise<void>;
}) {
  const { t } = useTranslation(['youthProjects', 'common']);
  const { saving, field, submit } = useValidatedForm(reportValuesOf(record.application.report), toReport, (report) =>
    onSave(report),
  );
  return (
    <form className="form youth-form" onSubmit={submit} noValidate aria-labelledby="report-form-title">
      <h3 id="report-form-title">{t('report.formTitle')}</h3>
      <div className="form__grid">
        <TextArea label={t('report.activities')} {...field('activities')} />
        <TextField label={t('report.participants')} inputMode="numeric" {...field('participants')} autoComplete="off" />
        <TextField label={t('report.atRisk')} inputMode="numeric" {...field('atRiskParticipants')} autoComplete="off" />
        <TextField label={t('report.spent')} inputMode="decimal" {...field('spent')} autoComplete="off" />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('common:actions.saving') : t('report.finish')}
        </button>
      </div>
    </form>
  );
}
