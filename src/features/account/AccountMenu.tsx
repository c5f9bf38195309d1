import './account.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checkSignOut, lock, signOut, useSession, type SignOutCheck } from '../../sync';

/** Who is working on this device, and the ways to leave it: lock (keep data) or sign out (wipe it). */
export function AccountMenu() {
  const { t } = useTranslation('account');
  const session = useSession();
  // null: no question open; 'checking': sending what waits before saying what would be lost.
  const [asking, setAsking] = useState<SignOutCheck | 'checking' | null>(null);
  const [busy, setBusy] = useState(false);
  if (session.status !== 'unlocked') return null;

  async function ask() {
    setAsking('checking');
    const check = await checkSignOut();
    // The person may have closed the question meanwhile.
    setAsking((open) => (open === null ? null : check));
  }

  async function leave(check: SignOutCheck) {
    setBusy(true);
    const result = await signOut({ discardUnsynced: check.unsent > 0 });
    setBusy(false);
    // Changes made while the question was open: ask again, with the new count.
    if (result === 'unsyncedChanges') void ask();
  }

  return (
    <div className="account-menu">
      <Link to="/settings" className="account-menu__name" title={t('menu.settings')}>
        {session.account.displayName}
      </Link>
      <button type="button" className="button button--small" onClick={() => void lock()}>
        {t('menu.lock')}
      </button>
      <button type="button" className="button button--small" onClick={() => void ask()}>
        {t('menu.signOut')}
      </button>
      {asking ? (
        <SignOutQuestion check={asking} busy={busy} onStay={() => setAsking(null)} onLeave={(c) => void leave(c)} />
      ) : null}
    </div>
  );
}

interface QuestionProps {
  check: SignOutCheck | 'checking';
  busy: boolean;
  onStay(): void;
  onLeave(check: SignOutCheck): void;
}

/**
 * Signing out wipes the device's copy, so it always asks first and says what would be lost (issue 13.5). A modal
 * dialog: the app behind it is inert, focus stays inside, Escape means "stay".
 */
function SignOutQuestion({ check, busy, onStay, onLeave }: QuestionProps) {
  const { t } = useTranslation('account');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal?.();
    return () => node?.close?.();
  }, []);
  const ready = check !== 'checking';
  const text = !ready
    ? t('signOut.checking')
    : check.unsent > 0
      ? t('signOut.unsent', { count: check.unsent })
      : check.reachedServer
        ? t('signOut.allSent')
        : t('signOut.nothingWaitsOffline');
  return (
    <dialog
      ref={dialog}
      className="signout-dialog"
      aria-labelledby="signout-title"
      aria-describedby="signout-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="signout-title">{t('signOut.title')}</h2>
      <p id="signout-text" aria-live="polite" className={ready && check.unsent > 0 ? 'signout-dialog__loss' : ''}>
        {text}
      </p>
      <p className="signout-dialog__hint">{t('signOut.lockInstead')}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onStay} autoFocus>
          {t('menu.keep')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={!ready || busy}
          onClick={() => ready && onLeave(check)}
        >
          {busy ? t('working') : ready && check.unsent > 0 ? t('menu.discard') : t('signOut.confirm')}
        </button>
      </div>
    </dialog>
  );
}
