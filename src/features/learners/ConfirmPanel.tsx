import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmPanelProps {
  text: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" right where the action was asked for; Cancel has the focus, so Enter or Escape change nothing. */
export function ConfirmPanel({ text, confirmLabel, busy = false, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useTranslation('common');
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) onCancel();
  };
  return (
    <div className="confirm" role="alertdialog" aria-label={text} onKeyDown={closeOnEscape}>
      <p>{text}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('actions.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
