import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  learnerName: string;
  what: string;
  onConfirm(): void;
  onClose(): void;
}

/**
 * Handed to the learner right after the consultation: it covers the whole app and offers only "I confirm" and
 * "back", so nothing else on the teacher's device can be seen or touched from here.
 */
export function ConfirmationScreen({ learnerName, what, onConfirm, onClose }: Props) {
  const { t } = useTranslation('consultations');
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="confirm-screen" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
      <div className="confirm-screen__card">
        <h1 id="confirm-title">{t('confirm.title')}</h1>
        <p className="confirm-screen__text">{t('confirm.text', { name: learnerName })}</p>
        <p className="confirm-screen__what">{what}</p>
        <button ref={confirmRef} type="button" className="button button--primary button--wide" onClick={onConfirm}>
          {t('confirm.yes')}
        </button>
        <button type="button" className="button button--wide" onClick={onClose}>
          {t('confirm.cancel')}
        </button>
      </div>
    </div>
  );
}
