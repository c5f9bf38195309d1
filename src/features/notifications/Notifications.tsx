import { useTranslation } from 'react-i18next';
import { useNotifications } from './notifications';

export function Notifications() {
  const { t } = useTranslation();
  const items = useNotifications((s) => s.items);
  const dismiss = useNotifications((s) => s.dismiss);
  return (
    <div className="notifications" aria-live="polite">
      {items.map((n) => (
        <div
          key={n.id}
          className={`notification notification--${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{t(n.key, n.values)}</span>
          {n.undo ? (
            <button
              type="button"
              className="notification__undo"
              onClick={() => {
                dismiss(n.id);
                n.undo?.();
              }}
            >
              {t('common:notifications.undo')}
            </button>
          ) : null}
          <button
            type="button"
            className="notification__close"
            onClick={() => dismiss(n.id)}
            aria-label={t('common:notifications.close')}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
