import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongSecretError } from '../../db';
import {
  IDLE_LOCK_CHOICES,
  idleLockMinutesOf,
  PIN_PATTERN,
  removePin,
  setIdleLockMinutes,
  setPin,
  useSession,
  type DeviceAccount,
} from '../../sync';
import { BackupSettings, StorageSettings } from '../backup';
import { TextField, type FieldErrors } from '../forms';
import { notify } from '../notifications';

type PinField = 'password' | 'pin' | 'repeat';

/** Sets, changes or removes the PIN; the password is asked each time, since a PIN opens the same data. */
function PinSettings({ account }: { account: DeviceAccount }) {
  const { t } = useTranslation('account');
  const [values, setValues] = useState({ password: '', pin: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors<PinField>>({});
  const [saving, setSaving] = useState(false);
  const hasPin = Boolean(account.pinKey);

  const set = (field: PinField, value: string) => {
    setValues((v) => ({ ...v, [field]: field === 'password' ? value : value.replace(/\D/g, '') }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors<PinField> = {};
    if (!values.password) problems.password = { key: 'common:validation.required' };
    if (!PIN_PATTERN.test(values.pin)) problems.pin = { key: 'account:settings.pin.invalid' };
    else if (values.pin !== values.repeat) problems.repeat = { key: 'account:settings.pin.mismatch' };
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSaving(true);
    try {
      await setPin(values.password, values.pin);
      setValues({ password: '', pin: '', repeat: '' });
      notify({ kind: 'success', key: 'account:settings.pin.saved' });
    } catch (error) {
      if (!(error instanceof WrongSecretError)) throw error;
      setErrors({ password: { key: 'account:errors.wrongPassword' } });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="settings__section" aria-labelledby="pin-heading">
      <h2 id="pin-heading">{t('settings.pin.title')}</h2>
      <p className="settings__hint">{hasPin ? t('settings.pin.isSet') : t('settings.pin.notSet')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <TextField
            label={t('fields.password')}
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
            error={errors.password}
            required
          />
          <TextField
            label={hasPin ? t('settings.pin.newPin') : t('fields.pin')}
            hint={t('settings.pin.hint')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={values.pin}
            onChange={(e) => set('pin', e.target.value)}
            error={errors.pin}
            required
          />
          <TextField
            label={t('settings.pin.repeat')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            value={values.repeat}
            onChange={(e) => set('repeat', e.target.value)}
            error={errors.repeat}
            required
          />
        </div>
        <div className="form__actions">
          {hasPin ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                removePin();
                notify({ kind: 'info', key: 'account:settings.pin.removed' });
              }}
            >
              {t('settings.pin.remove')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('working') : hasPin ? t('settings.pin.change') : t('settings.pin.set')}
          </button>
        </div>
      </form>
    </section>
  );
}

function IdleLockSetting({ account }: { account: DeviceAccount }) {
  const { t } = useTranslation('account');
  const id = useId();
  return (
    <section className="settings__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.idle.title')}</h2>
      <p className="settings__hint">{t('settings.idle.hint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('settings.idle.label')}</label>
        <select id={id} value={idleLockMinutesOf(account)} onChange={(e) => setIdleLockMinutes(Number(e.target.value))}>
          {IDLE_LOCK_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('settings.idle.minutes', { count: minutes })}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/** What this person chose for this device: how to unlock, when to lock by itself; its storage and backups. */
export function DeviceSettingsPage() {
  const { t } = useTranslation('account');
  const session = useSession();
  if (session.status !== 'unlocked') return null;
  return (
    <section className="page page--narrow">
      <div className="page__header">
        <h1>{t('settings.title')}</h1>
      </div>
      <p className="settings__hint">{t('settings.intro', { name: session.account.displayName })}</p>
      <PinSettings account={session.account} />
      <IdleLockSetting account={session.account} />
      <StorageSettings />
      <BackupSettings />
    </section>
  );
}
