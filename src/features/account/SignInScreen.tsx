import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AuthError,
  authApi,
  countRemembered,
  dismissSignInNotice,
  listDeviceAccounts,
  rememberedPending,
  useSignInNotice,
  OfflineError,
  PIN_PATTERN,
  PinLockedOutError,
  setUpFirstAdministrator,
  signIn,
  unlock,
  unlockWithPin,
  UnsentChangesError,
  WrongPinError,
  passwordRefusals,
  type DeviceAccount,
} from '../../sync';
import { WrongSecretError } from '../../db';
import { requestPersistentStorageOnce } from '../backup';
import { TextField } from '../forms';
import './account.css';
import { intlLocale } from '../ui';

type Mode = { kind: 'unlock'; account: DeviceAccount } | { kind: 'signIn' } | { kind: 'setup' };

interface Problem {
  key: string;
  count?: number;
}

/** Maps what went wrong to a sentence in the person's language; typed values stay in the form. */
function problemOf(error: unknown): Problem {
  if (error instanceof OfflineError) return { key: 'account:errors.offline' };
  if (error instanceof AuthError) {
    if ((passwordRefusals as readonly string[]).includes(error.code))
      return { key: `account:passwordRefusals.${error.code}` };
    const known = ['invalid_credentials', 'rate_limited', 'account_disabled', 'setup_done', 'invalid_request'];
    return { key: known.includes(error.code) ? `account:errors.${error.code}` : 'account:errors.server' };
  }
  if (error instanceof WrongPinError) return { key: 'account:errors.wrongPin', count: error.attemptsLeft };
  if (error instanceof PinLockedOutError) return { key: 'account:errors.pinLockedOut' };
  if (error instanceof WrongSecretError) return { key: 'account:errors.wrongPassword' };
  return { key: 'account:errors.server' };
}

/** Why a colleague's data left this device: a reason, when, and how much unsent work went with it — nothing else. */
function WipedNotice() {
  const { t, i18n } = useTranslation('account');
  const notice = useSignInNotice((s) => s.notice);
  if (!notice) return null;
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="signin__notice" role="alert" aria-labelledby="signin-notice-title">
      <p id="signin-notice-title" className="signin__notice-title">
        {t('notice.disabledTitle')}
      </p>
      <p>{t('notice.disabled', { at: when.format(new Date(notice.at)) })}</p>
      <p>{notice.unsentLost > 0 ? t('notice.unsentLost', { count: notice.unsentLost }) : t('notice.nothingLost')}</p>
      <button type="button" className="button button--small" onClick={dismissSignInNotice}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

/** The server ended this person's session: their data is still here, but only a new sign-in lets it sync. */
function SessionEndedNotice({ account, onSignInAgain }: { account: DeviceAccount; onSignInAgain: () => void }) {
  const { t, i18n } = useTranslation('account');
  if (!account.sessionEndedAt) return null;
  const unsent = countRemembered(rememberedPending(account.databaseName));
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="signin__notice" role="status">
      <p className="signin__notice-title">{t('notice.sessionEndedTitle')}</p>
      <p>{t('notice.sessionEnded', { at: when.format(new Date(account.sessionEndedAt)) })}</p>
      {unsent > 0 ? <p>{t('notice.sessionEndedUnsent', { count: unsent })}</p> : null}
      <button type="button" className="button button--small" onClick={onSignInAgain}>
        {t('notice.signInAgain')}
      </button>
    </div>
  );
}

/** Unlock (password or PIN), first sign-in on this device, or the first-run setup of the administrator. */
export function SignInScreen({ languageSwitch }: { languageSwitch?: ReactNode }) {
  const { t } = useTranslation(['account', 'common']);
  const accounts = listDeviceAccounts();
  const firstAccount = accounts[0];
  const [mode, setMode] = useState<Mode>(firstAccount ? { kind: 'unlock', account: firstAccount } : { kind: 'signIn' });
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const [usePin, setUsePin] = useState(Boolean(firstAccount?.pinKey));
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  /** Unsent changes under the previous password would go with a sign-in under the new one: asked first. */
  const [unsentHeld, setUnsentHeld] = useState<number | null>(null);
  const accountPickerId = useId();

  useEffect(() => {
    if (accounts.length > 0) return;
    authApi()
      .status()
      .then((s) => s.needsSetup && setMode({ kind: 'setup' }))
      .catch(() => {});
    // Asked once, when nobody has signed in on this device yet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const heldBy = accounts.find((a) => a.username === username.trim().toLowerCase());
  const pinAvailable = mode.kind === 'unlock' && usePin && Boolean(mode.account.pinKey);
  // The screen is there to be typed into: the first field takes the keyboard (issue 13). After the first paint, not
  // in it: focusing while React inserts the form forces a layout inside that one long task (issue 13.11).
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('[data-first-field]')?.focus();
  }, [mode.kind, pinAvailable]);
  const chooseAccount = (next: DeviceAccount) => {
    setUnsentHeld(null);
    setMode({ kind: 'unlock', account: next });
    setUsePin(Boolean(next.pinKey));
    setError(null);
  };

  async function submit(event: FormEvent, discardUnsent = false) {
    event.preventDefault();
    setUnsentHeld(null);
    // A mistyped PIN is not a wrong guess: it does not count against the tries.
    if (pinAvailable && !PIN_PATTERN.test(pin)) {
      setError({ key: 'account:settings.pin.invalid' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'unlock' && pinAvailable) await unlockWithPin(mode.account.userId, pin);
      else if (mode.kind === 'unlock') await unlock(mode.account.userId, password);
      else if (mode.kind === 'setup')
        await setUpFirstAdministrator(username.trim().toLowerCase(), displayName, password);
      else await signIn(username.trim().toLowerCase(), password, { discardUnsent });
      // The person acted and is in: the moment to ask the browser to keep this device's data (asked once).
      if (mode.kind !== 'unlock') void requestPersistentStorageOnce();
    } catch (e) {
      if (e instanceof UnsentChangesError) {
        setUnsentHeld(e.count);
        setBusy(false);
        return;
      }
      setError(problemOf(e));
      if (e instanceof PinLockedOutError) setUsePin(false);
      setPin('');
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      {languageSwitch ? <div className="signin__language">{languageSwitch}</div> : null}
      <div className="signin__card">
        <div className="signin__brand">
          <img src="/icons/icon.svg" alt="" width="48" height="48" />
          <div>
            <h1>{t('common:app.name')}</h1>
            <p>{t('common:app.tagline')}</p>
          </div>
        </div>
        <WipedNotice />
        {mode.kind === 'unlock' ? (
          <SessionEndedNotice
            account={mode.account}
            onSignInAgain={() => {
              setUsername(mode.account.username);
              setPassword('');
              setError(null);
              setMode({ kind: 'signIn' });
            }}
          />
        ) : null}
        <h2>{t(`${mode.kind}.title`)}</h2>
        <p className="signin__hint">{t(pinAvailable ? 'unlock.hintPin' : `${mode.kind}.hint`)}</p>
        <form ref={form} className="form form--plain" onSubmit={submit} noValidate>
          {mode.kind === 'unlock' && accounts.length > 1 ? (
            <div className="field">
              <label htmlFor={accountPickerId}>{t('unlock.who')}</label>
              <select
                id={accountPickerId}
                value={mode.account.userId}
                onChange={(e) => {
                  const next = accounts.find((a) => a.userId === e.target.value);
                  if (next) chooseAccount(next);
                }}
              >
                {accounts.map((a) => (
                  <option key={a.userId} value={a.userId}>
                    {a.displayName}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {mode.kind === 'unlock' && accounts.length === 1 ? (
            <p className="signin__who">{mode.account.displayName}</p>
          ) : null}
          {mode.kind !== 'unlock' ? (
            <TextField
              label={t('fields.username')}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              autoCapitalize="none"
              data-first-field
              required
            />
          ) : null}
          {mode.kind === 'setup' ? (
            <TextField
              label={t('fields.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="name"
              required
            />
          ) : null}
          {pinAvailable ? (
            <TextField
              label={t('fields.pin')}
              type="password"
              inputMode="numeric"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              autoComplete="off"
              maxLength={12}
              data-first-field
              required
            />
          ) : (
            <TextField
              label={t('fields.password')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete={mode.kind === 'setup' ? 'new-password' : 'current-password'}
              data-first-field={mode.kind === 'unlock' ? true : undefined}
              hint={mode.kind === 'setup' ? t('fields.passwordHint') : undefined}
              required
            />
          )}
          {error ? (
            <p className="signin__error" role="alert">
              {t(error.key, error.count === undefined ? {} : { count: error.count })}
            </p>
          ) : null}
          {unsentHeld !== null ? (
            <div className="signin__notice" role="alert">
              <p>{t('notice.unsentHeld', { count: unsentHeld })}</p>
              {heldBy ? (
                <button type="button" className="button button--small" onClick={() => chooseAccount(heldBy)}>
                  {t('notice.unlockPrevious')}
                </button>
              ) : null}{' '}
              <button
                type="button"
                className="button button--small button--danger"
                disabled={busy}
                onClick={(e) => void submit(e, true)}
              >
                {t('notice.signInDiscarding')}
              </button>
            </div>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('working') : t(`${mode.kind}.submit`)}
            </button>
          </div>
        </form>
        {mode.kind === 'unlock' && mode.account.pinKey ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setUsePin(!usePin);
              setError(null);
            }}
          >
            {usePin ? t('unlock.usePassword') : t('unlock.usePin')}
          </button>
        ) : null}
        {mode.kind === 'unlock' ? (
          <button type="button" className="link-button" onClick={() => setMode({ kind: 'signIn' })}>
            {t('unlock.someoneElse')}
          </button>
        ) : firstAccount ? (
          <button type="button" className="link-button" onClick={() => chooseAccount(firstAccount)}>
            {t('signIn.backToUnlock')}
          </button>
        ) : null}
      </div>
    </main>
  );
}
