import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { lock, signOut, useSession } from '../../sync';

/** Who is working on this device, and the ways to leave it: lock (keep data) or sign out (wipe it). */
export function AccountMenu() {
  const { t } = useTranslation('account');
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (session.status !== 'unlocked') return null;

  async function leave(discardUnsynced: boolean) {
    setBusy(true);
    const result = await signOut({ discardUnsynced });
    setBusy(false);
    setConfirming(result === 'unsyncedChanges');
  }

  return (
    <div className="account-menu">
      <Link to="/settings" className="account-menu__name" title={t('menu.settings')}>
        {session.account.displayName}
      </Link>
      <button type="button" className="button button--small" onClick={() => void lock()}>
        {t('menu.lock')}
      </button>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void leave(false)}>
        {busy ? t('working') : t('menu.signOut')}
      </button>
      {confirming ? (
        <div className="update-prompt" role="alertdialog" aria-live="assertive">
          <span>{t('menu.unsynced')}</span>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('menu.keep')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void leave(true)}>
            {t('menu.discard')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
