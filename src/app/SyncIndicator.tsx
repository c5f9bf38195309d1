import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../sync';

/** Always honest: offline beats everything; then syncing; then an error; then the last successful sync time. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { online, syncing, lastSyncedAt, error, pending } = useSyncStatus();
  const time = lastSyncedAt
    ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(lastSyncedAt)
    : null;

  const state = !online ? 'offline' : syncing ? 'syncing' : error ? 'error' : 'online';
  const label = {
    offline: t('sync.offline'),
    syncing: t('sync.syncing'),
    error: t('sync.errorServer'),
    online: t('sync.online'),
  }[state];
  const last = time ? t('sync.lastSynced', { time }) : t('sync.neverSynced');
  const waiting = pending > 0 ? t('sync.pending', { count: pending }) : null;
  const detail = [waiting, state === 'offline' ? t('sync.offlineHint') : last].filter(Boolean).join(' · ');

  return (
    <div className={`sync sync--${state}`} role="status" title={detail} data-testid="sync-indicator" data-state={state}>
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__label">{label}</span>
      {waiting ? (
        <span className="sync__pending" data-testid="sync-pending" aria-label={waiting}>
          {pending}
        </span>
      ) : null}
      <span className="sync__detail">{detail}</span>
    </div>
  );
}
