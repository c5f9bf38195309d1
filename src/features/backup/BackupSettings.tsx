import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, exportUnsentChanges, importBackup, useSyncStatus, type BackupFailure } from '../../sync';
import type { RestoreSummary } from '../../domain';
import { TextField } from '../forms';
import './backup.css';

/** Hands a file to the browser's download (the app never sends it anywhere). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Failure = BackupFailure | 'noFile' | 'noPassword' | 'failed';
/** A refusal names its reason; anything else (storage full, say) is reported, not thrown into the void. */
const failureOf = (error: unknown): Failure => (error instanceof BackupError ? error.problem : 'failed');

function ExportBackup() {
  const { t } = useTranslation('backup');
  const pending = useSyncStatus((s) => s.pending);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ count: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setFailure(null);
    if (!password) {
      setFailure('noPassword');
      return;
    }
    setBusy(true);
    try {
      const file = await exportUnsentChanges(password);
      download(file.fileName, file.text);
      setResult({ count: file.count });
      setPassword('');
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('export.title')}>
      <h3>{t('export.title')}</h3>
      <p className="settings__hint">{t('export.hint', { count: pending })}</p>
      <TextField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('working') : t('export.submit')}
        </button>
      </div>
      {result ? (
        <p className="backup__result" role="status">
          {t('export.done', { count: result.count })}
        </p>
      ) : null}
      {failure ? (
        <p className="backup__error" role="alert">
          {t(`errors.${failure}`)}
        </p>
      ) : null}
    </form>
  );
}

function ImportBackup() {
  const { t } = useTranslation('backup');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<RestoreSummary | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSummary(null);
    setFailure(null);
    if (!file) {
      setFailure('noFile');
      return;
    }
    if (!password) {
      setFailure('noPassword');
      return;
    }
    setProgress({ done: 0, total: 0 });
    try {
      // arrayBuffer rather than text(): the same in every supported browser and in the component tests' jsdom.
      const text = new TextDecoder().decode(await file.arrayBuffer());
      setSummary(await importBackup(text, password, (done, total) => setProgress({ done, total })));
      setPassword('');
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('import.title')}>
      <h3>{t('import.title')}</h3>
      <p className="settings__hint">{t('import.hint')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFailure(null);
            setSummary(null);
          }}
        />
      </div>
      <TextField
        label={t('import.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={progress !== null}>
          {progress ? t('working') : t('import.submit')}
        </button>
      </div>
      {progress && progress.total > 0 ? (
        <progress
          className="backup__progress"
          value={progress.done}
          max={progress.total}
          aria-label={t('import.progress', progress)}
        />
      ) : null}
      {summary ? (
        <p className="backup__result" role="status">
          {t('import.done', { restored: summary.restore, newer: summary.newerHere, same: summary.alreadyHere })}
          {summary.newerHere > 0 ? ` ${t('import.newerKept')}` : ''}
        </p>
      ) : null}
      {failure ? (
        <p className="backup__error" role="alert">
          {t(`errors.${failure}`)}
        </p>
      ) : null}
    </form>
  );
}

/** A file of what this device has not sent yet, encrypted with the password, and restoring it on this account. */
export function BackupSettings() {
  const { t } = useTranslation('backup');
  const id = useId();
  return (
    <section className="settings__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('title')}</h2>
      <p className="settings__hint">{t('intro')}</p>
      <ExportBackup />
      <ImportBackup />
    </section>
  );
}
