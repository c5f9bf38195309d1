import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { STORAGE_KEYS } from '../db';

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

  // "Works offline now" is news, not a question: told once per device, it goes away by itself (issue 13.8).
  const seen = alreadyShown();
  useEffect(() => {
    if (!offlineReady) return;
    if (alreadyShown()) return setOfflineReady(false);
    const timer = setTimeout(() => {
      setOfflineReady(false);
      markShown();
    }, 6_000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  if (!needRefresh && !(offlineReady && !seen)) return null;
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
          if (!needRefresh) markShown();
        }}
      >
        {/* "Later" for a postponed update; the offline notice is only closed, and its button says so. */}
        {needRefresh ? t('update.dismiss') : t('update.gotIt')}
      </button>
    </div>
  );
}

function alreadyShown(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEYS.offlineNoticeShown) !== null;
  } catch {
    return false;
  }
}

function markShown(): void {
  try {
    localStorage.setItem(STORAGE_KEYS.offlineNoticeShown, new Date().toISOString());
  } catch {
    // Storage unavailable: the notice may come once more, no harm.
  }
}
