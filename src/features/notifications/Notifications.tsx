import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from './notifications';

/**
 * The notifications float over the page's end; their height is published as --notifications-height so the page
 * leaves room below its content and nothing stays hidden under them (issue 13.8).
 */
export function Notifications() {
  const { t } = useTranslation();
  const items = useNotifications((s) => s.items);
  const dismiss = useNotifications((s) => s.dismiss);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = box.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty('--notifications-height', `${node.offsetHeight}px`));
    observer.observe(node);
    return () => {
      observer.disconnect();
      root.removeProperty('--notifications-height');
    };
  }, []);
  return (
    <div className="notifications" aria-live="polite" ref={box}>
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
