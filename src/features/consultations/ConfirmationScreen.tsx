import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  learnerName: string;
  what: string;
  onConfirm(): void;
  onClose(): void;
}

/**
 * Handed to the learner right after the consultation: it covers the whole app and offers only "I confirm" and
 * "back", so nothing else on the teacher's device can be seen or touched from here. A modal <dialog> (issue 13.8):
 * the browser makes the app behind it inert for the keyboard and for screen readers and keeps Tab inside; Escape
 * is "back", the same as the button, and focus returns to where the teacher was.
 */
export function ConfirmationScreen({ learnerName, what, onConfirm, onClose }: Props) {
  const { t } = useTranslation('consultations');
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const node = dialog.current;
    const before = document.activeElement;
    if (node && !node.open) {
      // Older engines (and jsdom) have no showModal: the screen still covers the app.
      if (typeof node.showModal === 'function') node.showModal();
      else node.setAttribute('open', '');
    }
    confirmRef.current?.focus();
    return () => {
      if (node?.open && typeof node.close === 'function') node.close();
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-screen"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={keepTabInside}
    >
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
    </dialog>
  );
}

/** A modal dialog lets Tab leave for the browser's own controls after its last button: here it goes round. */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
  const first = buttons[0];
  const last = buttons.at(-1);
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}
