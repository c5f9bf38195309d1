import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../domain';
import { resetPasswordRequestSchema } from '../../sync';
import { TextField, type FieldError } from '../forms';
import { problemKey } from './userForm';

interface AccountActionsProps {
  user: User;
  /** Both may throw OfflineError or AuthError; the panel stays open with what was typed. */
  onResetPassword: (password: string) => Promise<void>;
  onSetActive: (active: boolean) => Promise<void>;
}

type Open = 'none' | 'password' | 'active';

/** Sign-in matters: a new password, or switching the account off or on, each asked for and confirmed here. */
export function AccountActions({ user, onResetPassword, onSetActive }: AccountActionsProps) {
  const { t } = useTranslation(['users', 'common']);
  const titleId = useId();
  const [open, setOpen] = useState<Open>('none');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<FieldError | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const triggers = { password: useRef<HTMLButtonElement>(null), active: useRef<HTMLButtonElement>(null) };

  const show = (next: Open) => {
    // Closing a panel puts the keyboard back on the button that opened it.
    if (next === 'none' && open !== 'none') triggers[open].current?.focus();
    setOpen(next);
    setProblem(null);
    setPasswordError(undefined);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) show('none');
  };

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      setPassword('');
      show('none');
    } catch (error) {
      setProblem(problemKey(error));
    } finally {
      setBusy(false);
    }
  }

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (!resetPasswordRequestSchema.safeParse({ password }).success) {
      setPasswordError({ key: 'users:validation.passwordLength' });
      return;
    }
    void run(() => onResetPassword(password));
  }

  const problemLine = problem ? (
    <p className="form__problem" role="alert">
      {t(problem)}
    </p>
  ) : null;

  return (
    <section className="account-actions" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('actions.title')}</h2>
      <p className="field__hint">{user.active ? t('status.activeHint') : t('status.disabledHint')}</p>
      <div className="form__actions form__actions--start">
        <button
          ref={triggers.password}
          type="button"
          className="button"
          onClick={() => show('password')}
          aria-expanded={open === 'password'}
        >
          {t('actions.resetPassword')}
        </button>
        <button
          ref={triggers.active}
          type="button"
          className={`button${user.active ? ' button--danger' : ''}`}
          onClick={() => show('active')}
          aria-expanded={open === 'active'}
        >
          {user.active ? t('actions.disable') : t('actions.enable')}
        </button>
      </div>
      {open === 'password' ? (
        <form className="confirm" onSubmit={submitPassword} onKeyDown={closeOnEscape} noValidate>
          <TextField
            label={t('actions.newPassword')}
            hint={t('actions.newPasswordHint', { name: user.displayName })}
            type="password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setPasswordError(undefined);
            }}
            error={passwordError}
            autoComplete="new-password"
            autoFocus
            required
          />
          {problemLine}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => show('none')}>
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common:actions.saving') : t('actions.setPassword')}
            </button>
          </div>
        </form>
      ) : null}
      {open === 'active' ? (
        <div className="confirm" role="alertdialog" aria-label={t('actions.confirmTitle')} onKeyDown={closeOnEscape}>
          <p>
            {user.active
              ? t('actions.confirmDisable', { name: user.displayName })
              : t('actions.confirmEnable', { name: user.displayName })}
          </p>
          {problemLine}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => show('none')} autoFocus>
              {t('common:actions.cancel')}
            </button>
            <button
              type="button"
              className={`button ${user.active ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
              onClick={() => void run(() => onSetActive(!user.active))}
            >
              {busy ? t('common:actions.saving') : user.active ? t('actions.disable') : t('actions.enable')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
