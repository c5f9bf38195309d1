import { useDeferredValue, useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  learnerProgrammes,
  MAX_IMPORT_ROWS,
  planClassImport,
  type ImportCell,
  type ImportRow,
  type Learner,
  type LearnerFields,
} from '../../domain';
import { TextField } from '../forms';
import { ImportPreview } from './ImportPreview';
import { readTableFile, type ReadProblem } from './readTableFile';

interface ClassImportProps {
  existing: readonly Learner[];
  today: string;
  /** Writes the rows; resolves when they are on this device. */
  onConfirm: (rows: readonly ImportRow[]) => Promise<void>;
  onCancel: () => void;
}

type FileState =
  | { step: 'none' }
  | { step: 'reading'; name: string }
  | { step: 'failed'; problem: ReadProblem }
  | { step: 'read'; name: string; table: ImportCell[][] };

/** Excel opens a UTF-8 CSV correctly only with a byte order mark; Latvian Excel separates with semicolons. */
function templateHref(header: string, example: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n${example}\r\n`)}`;
}

/**
 * Choose a file, see what it would do, confirm. The preview follows the learners on this device live, so what is
 * confirmed is what is shown even if sync brought changes meanwhile.
 */
export function ClassImport({ existing, today, onConfirm, onCancel }: ClassImportProps) {
  const { t } = useTranslation(['classImport', 'learners', 'common']);
  const fileId = useId();
  const programmeId = useId();
  const [file, setFile] = useState<FileState>({ step: 'none' });
  const [className, setClassName] = useState('');
  const [programme, setProgramme] = useState<LearnerFields['programme']>('general');
  const [importing, setImporting] = useState(false);

  // Typing a default class re-plans the whole file: let the keystrokes go first.
  const defaultClass = useDeferredValue(className);
  const plan = useMemo(
    () =>
      file.step === 'read'
        ? planClassImport(file.table, existing, { className: defaultClass, programme }, today)
        : null,
    [file, existing, defaultClass, programme, today],
  );
  const byId = useMemo(() => new Map(existing.map((l) => [l.id, l])), [existing]);
  const toWrite = plan?.ok ? plan.counts.add + plan.counts.update : 0;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setFile({ step: 'reading', name: chosen.name });
    const result = await readTableFile(chosen);
    setFile(
      result.ok
        ? { step: 'read', name: chosen.name, table: result.table }
        : { step: 'failed', problem: result.problem },
    );
  }

  async function confirm() {
    if (!plan?.ok || toWrite === 0) return;
    setImporting(true);
    try {
      await onConfirm(plan.rows);
    } finally {
      setImporting(false);
    }
  }

  return (
    <div className="class-import">
      <div className="form">
        <p className="page__lead">{t('lead')}</p>
        <p className="field__hint">{t('columns')}</p>
        <p>
          <a href={templateHref(t('templateHeader'), t('templateExample'))} download={t('templateFile')}>
            {t('template')}
          </a>
        </p>
        <div className="form__grid form__grid--two">
          <div className="field">
            <label htmlFor={fileId}>{t('file')}</label>
            <input
              id={fileId}
              type="file"
              accept=".xlsx,.xls,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e)}
              aria-describedby={`${fileId}-hint`}
            />
            <p id={`${fileId}-hint`} className="field__hint">
              {t('fileHint')}
            </p>
          </div>
          <TextField
            label={t('defaultClass')}
            hint={t('defaultClassHint')}
            optional
            value={className}
            onChange={(e) => setClassName(e.target.value)}
            autoComplete="off"
            maxLength={40}
          />
          <div className="field">
            <label htmlFor={programmeId}>{t('defaultProgramme')}</label>
            <select
              id={programmeId}
              value={programme}
              onChange={(e) => setProgramme(e.target.value as LearnerFields['programme'])}
            >
              {learnerProgrammes.map((p) => (
                <option key={p} value={p}>
                  {t(`learners:programme.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {file.step === 'reading' ? (
          <p className="import-status" role="status">
            {t('reading')}
          </p>
        ) : null}
        {file.step === 'failed' ? (
          <p className="form__problem" role="alert">
            {t(`fileProblem.${file.problem}`)}
          </p>
        ) : null}
        {plan && !plan.ok ? (
          <p className="form__problem" role="alert">
            {t(`fileProblem.${plan.problem}`, { max: MAX_IMPORT_ROWS })}
          </p>
        ) : null}
      </div>
      {plan?.ok ? (
        <ImportPreview
          rows={plan.rows}
          counts={plan.counts}
          existing={byId}
          actions={
            <div className="form__actions form__actions--start">
              <button
                type="button"
                className="button button--primary"
                disabled={toWrite === 0 || importing}
                onClick={() => void confirm()}
              >
                {importing ? t('importing') : toWrite === 0 ? t('nothingToImport') : t('confirm', { count: toWrite })}
              </button>
              <button type="button" className="button" onClick={onCancel}>
                {t('common:actions.cancel')}
              </button>
            </div>
          }
        />
      ) : (
        <div className="form__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
