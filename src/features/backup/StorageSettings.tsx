import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installOption, promptInstall, useInstallPrompt } from './installPrompt';
import { refreshStorageState, requestPersistentStorage, useStorageState } from './storage';
import './backup.css';

function formatBytes(bytes: number, language: string): string {
  const gigabytes = bytes >= 1e9;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: gigabytes ? 'gigabyte' : 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / (gigabytes ? 1e9 : 1e6));
}

/** Install Atbalsts: the browser's own dialog where it has one, the Share-sheet steps on iOS. */
export function InstallOffer() {
  const { t } = useTranslation('backup');
  const { event, installed } = useInstallPrompt();
  const option = installOption(event !== null, installed);
  if (option === 'installed') return <p className="settings__hint">{t('install.installed')}</p>;
  if (option === 'prompt') {
    return (
      <button type="button" className="button" onClick={() => void promptInstall()}>
        {t('install.button')}
      </button>
    );
  }
  if (option === 'iosInstructions') return <p className="settings__hint">{t('install.ios')}</p>;
  return null;
}

/** Whether the browser keeps this device's data, how much it holds, and how to make it keep it. */
export function StorageSettings() {
  const { t, i18n } = useTranslation('backup');
  const state = useStorageState();
  const [asking, setAsking] = useState(false);
  const id = useId();

  useEffect(() => {
    void refreshStorageState();
  }, []);

  async function ask() {
    setAsking(true);
    await requestPersistentStorage();
    setAsking(false);
  }

  const status = !state.supported
    ? t('storage.unsupported')
    : state.persisted === null
      ? t('storage.checking')
      : state.persisted
        ? t('storage.kept')
        : t('storage.mayClear');

  return (
    <section className="settings__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('storage.title')}</h2>
      <p
        className={`storage-state storage-state--${state.persisted ? 'kept' : 'best-effort'}`}
        data-testid="storage-state"
        data-persisted={state.persisted === null ? 'unknown' : String(state.persisted)}
        role="status"
      >
        {status}
      </p>
      {state.usage !== null && state.quota !== null ? (
        <p className="settings__hint">
          {t('storage.usage', {
            used: formatBytes(state.usage, i18n.language),
            quota: formatBytes(state.quota, i18n.language),
          })}
        </p>
      ) : null}
      {state.supported && state.persisted === false ? (
        <>
          <p className="settings__hint">{state.asked ? t('storage.refusedHint') : t('storage.askHint')}</p>
          <div className="form__actions form__actions--start">
            <button type="button" className="button" disabled={asking} onClick={() => void ask()}>
              {t('storage.ask')}
            </button>
            <InstallOffer />
          </div>
        </>
      ) : (
        <InstallOffer />
      )}
    </section>
  );
}
