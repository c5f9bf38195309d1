import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The new service worker waits until the person chooses to update, so a form being filled in is never reloaded
 * away under them (registerType "prompt"; workbox-window underneath).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  // "Works offline now" is news, not a question: it goes away by itself.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), 6_000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-prompt" role="status" data-testid={needRefresh ? 'update-available' : 'offline-ready'}>
      <span>{needRefresh ? t('update.available') : t('update.offlineReady')}</span>
      {needRefresh ? (
        <button type="button" className="button button--primary" onClick={() => void updateServiceWorker(true)}>
          {t('update.reload')}
        </button>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={() => {
          setNeedRefresh(false);
          setOfflineReady(false);
        }}
      >
        {t('update.dismiss')}
      </button>
    </div>
  );
}
