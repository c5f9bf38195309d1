import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { STORAGE_KEYS } from '../db';
import { notify } from '../features/notifications';

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

  // "Works offline now" is news, not a question (issue 13.8): told once per device, as a notification that goes
  // away by itself and leaves the page room, not a box with a "Later" that only meant "close".
  useEffect(() => {
    if (!offlineReady) return;
    if (!alreadyShown()) notify({ kind: 'info', key: 'common:update.offlineReady' });
    markShown();
    setOfflineReady(false);
  }, [offlineReady, setOfflineReady]);

  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-available">
      <span>{t('update.available')}</span>
      <button type="button" className="button button--primary" onClick={() => void updateServiceWorker(true)}>
        {t('update.reload')}
      </button>
      <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
        {t('update.dismiss')}
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
