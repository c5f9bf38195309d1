import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../sync';
import { InstallOffer } from './StorageSettings';
import { dismissInstall, installDismissed, installOption, isTouchDevice, useInstallPrompt } from './installPrompt';
import { refreshStorageState, useStorageState } from './storage';

/**
 * On a phone or tablet whose browser refused to keep the data, suggests installing the app once per person and
 * device; dismissed means dismissed.
 */
export function InstallBanner() {
  const { t } = useTranslation('backup');
  const session = useSession();
  const storage = useStorageState();
  const { event, installed } = useInstallPrompt();
  const [dismissed, setDismissed] = useState(false);
  const userId = session.status === 'unlocked' ? session.account.userId : null;

  useEffect(() => {
    void refreshStorageState();
  }, []);

  const option = installOption(event !== null, installed);
  const refused = storage.asked && storage.persisted === false;
  if (!userId || dismissed || !refused || !isTouchDevice()) return null;
  if (option !== 'prompt' && option !== 'iosInstructions') return null;
  if (installDismissed(userId)) return null;

  return (
    <aside className="install-banner" aria-labelledby="install-banner-title">
      <p id="install-banner-title" className="install-banner__title">
        {t('install.bannerTitle')}
      </p>
      <p>{t('install.bannerText')}</p>
      <div className="install-banner__actions">
        <InstallOffer />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            dismissInstall(userId);
            setDismissed(true);
          }}
        >
          {t('install.dismiss')}
        </button>
      </div>
    </aside>
  );
}
