import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../sync';

/** While a device receives its backlog (above all its first sync), a bar says how far it is; lists fill meanwhile. */
export function SyncProgress() {
  const { t, i18n } = useTranslation();
  const catchUp = useSyncStatus((s) => s.catchUp);
  if (!catchUp) return null;
  const format = new Intl.NumberFormat(i18n.language);
  const label = t('sync.catchUp', { done: format.format(catchUp.done), total: format.format(catchUp.total) });
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <label className="sync-progress__label" htmlFor="sync-progress-bar">
        {label}
      </label>
      <progress id="sync-progress-bar" className="sync-progress__bar" value={catchUp.done} max={catchUp.total}>
        {label}
      </progress>
    </div>
  );
}
