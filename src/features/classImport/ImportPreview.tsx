import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportRow, Learner, LearnerFields } from '../../domain';
import { intlLocale } from '../ui';

const KIND_BADGE: Record<ImportRow['kind'], string> = {
  add: 'badge badge--ok',
  update: 'badge badge--info',
  same: 'badge badge--plain',
  repeat: 'badge badge--muted',
  error: 'badge badge--danger',
};

interface ImportPreviewProps {
  rows: readonly ImportRow[];
  counts: Record<ImportRow['kind'], number>;
  existing: ReadonlyMap<string, Learner>;
  /** The confirm button: right under the counts, so a long list need not be scrolled through to confirm. */
  actions: ReactNode;
}

/** Every row of the file and what confirming would do with it; problems in plain words under the row. */
export function ImportPreview({ rows, counts, existing, actions }: ImportPreviewProps) {
  const { t, i18n } = useTranslation(['classImport', 'learners']);
  const summaryId = useId();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = onlyProblems ? rows.filter((r) => r.kind === 'error' || r.kind === 'update') : rows;
  const date = (iso: string | undefined) =>
    iso
      ? new Intl.DateTimeFormat(intlLocale(i18n.language), {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        }).format(new Date(`${iso}T12:00:00`))
      : t('empty');
  const valueOf = (fields: LearnerFields | Learner, field: ImportField) =>
    field === 'programme'
      ? t(`learners:programme.${fields.programme}`)
      : field === 'birthDate'
        ? date(fields.birthDate)
        : fields[field];

  return (
    <section className="import-preview" aria-labelledby={summaryId}>
      <h2 id={summaryId} className="visually-hidden">
        {t('title')}
      </h2>
      <ul className="import-summary" aria-live="polite">
        {(['add', 'update', 'same', 'repeat', 'error'] as const)
          .filter((kind) => counts[kind] > 0)
          .map((kind) => (
            <li key={kind} className={KIND_BADGE[kind]}>
              {t(`summary.${kind}`, { count: counts[kind] })}
            </li>
          ))}
      </ul>
      {counts.error > 0 ? <p className="form__problem">{t('errorsNotImported')}</p> : null}
      {actions}
      {counts.error + counts.update > 0 && counts.error + counts.update < rows.length ? (
        <label className="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
          <span>{t('onlyProblems')}</span>
        </label>
      ) : null}
      <ol className="import-rows">
        {shown.map((row) => (
          <li key={row.row} className={`import-row import-row--${row.kind}`}>
            <span className="import-row__number">{t('row', { row: row.row })}</span>
            {row.kind === 'error' ? (
              <>
                <strong className="import-row__name">
                  {`${row.shown.lastName} ${row.shown.firstName}`.trim() || t('empty')}
                </strong>
                <span className="import-row__meta">{row.shown.className || t('empty')}</span>
                <ul className="import-row__problems">
                  {row.problems.map((p) => (
                    <li key={`${p.field}-${p.code}`}>
                      {t(`problem.${p.code}`, { field: t(`field.${p.field}`), value: p.value })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <strong className="import-row__name">{`${row.fields.lastName} ${row.fields.firstName}`}</strong>
                <span className="import-row__meta">
                  {[
                    row.fields.className,
                    t(`learners:programme.${row.fields.programme}`),
                    date(row.fields.birthDate),
                  ].join(' · ')}
                </span>
                {row.kind === 'update' ? (
                  <ul className="import-row__changes">
                    {row.changes.map((field) => {
                      const before = existing.get(row.learnerId);
                      return (
                        <li key={field}>
                          {t('change', {
                            field: t(`field.${field}`),
                            from: before ? valueOf(before, field) : t('empty'),
                            to: valueOf(row.fields, field),
                          })}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
                {row.kind === 'update' && row.byNameOnly ? (
                  <p className="import-row__note import-row__note--check">{t('byNameOnly')}</p>
                ) : null}
                {row.kind === 'repeat' ? (
                  <p className="import-row__note">{t('repeatOf', { row: row.firstRow })}</p>
                ) : null}
              </>
            )}
            <span className={`import-row__kind ${KIND_BADGE[row.kind]}`}>{t(`kind.${row.kind}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
