import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RefusalList } from '../features/syncDecisions';
import { syncStateOf, useRefusedCount, useSyncStatus, type SyncState } from '../sync';
import { intlLocale } from '../features/ui';

const CLASS_OF: Record<SyncState['kind'], string> = {
  offline: 'offline',
  unreachable: 'error',
  sending: 'syncing',
  attention: 'attention',
  waiting: 'waiting',
  synced: 'online',
  never: 'waiting',
};

/**
 * What is true now (sync/syncStatus `syncStateOf`): offline, server unreachable since…, sending, records that need
 * attention, changes waiting, or the time of the last answer. With refused records it opens their list.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation(['sync', 'common']);
  const facts = useSyncStatus();
  const refused = useRefusedCount();
  // Open on one screen only: following a link (or any navigation) leaves the list behind.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const wrap = useRef<HTMLDivElement>(null);
  // A popover: Escape anywhere or a press outside it closes it, wherever focus went (a button inside it that did its
  // work and left, a toast). Open, it lies over the page below it.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpenOn(null);
    };
    const onPointer = (event: PointerEvent) => {
      if (wrap.current && !wrap.current.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const state = syncStateOf({ ...facts, refused });
  const clock = (at: number) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(at);

  const label = (() => {
    switch (state.kind) {
      case 'offline':
        return t('state.offline');
      case 'unreachable':
        return t('state.unreachable', { time: clock(state.since) });
      case 'sending':
        return t('state.sending');
      case 'attention':
        return t('state.attention', { count: state.count });
      case 'waiting':
        return t('state.waiting', { count: state.count });
      case 'synced':
        return t('state.synced', { time: clock(state.at) });
      case 'never':
        return t('state.never');
    }
  })();
  const waiting = facts.pending > 0 ? t('common:sync.pending', { count: facts.pending }) : null;
  const hint =
    state.kind === 'offline'
      ? t('detail.offline')
      : state.kind === 'unreachable'
        ? t('detail.unreachable')
        : refused > 0
          ? t('detail.attention')
          : null;
  const detail = [waiting, hint].filter(Boolean).join(' · ');

  return (
    <div className="sync-wrap" ref={wrap}>
      <button
        type="button"
        className={`sync sync--${CLASS_OF[state.kind]}`}
        title={detail || label}
        data-testid="sync-indicator"
        data-state={state.kind}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className="sync__dot" aria-hidden="true" />
        <span className="sync__label" role="status">
          {label}
        </span>
        {waiting ? (
          <span className="sync__pending" data-testid="sync-pending" aria-label={waiting}>
            {facts.pending}
          </span>
        ) : null}
        {refused > 0 ? (
          <span
            className="sync__attention"
            data-testid="sync-attention"
            title={t('state.attention', { count: refused })}
            aria-label={t('state.attention', { count: refused })}
          >
            {refused}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="sync-panel">
          {detail ? <p className="sync-panel__detail">{detail}</p> : null}
          <RefusalList onNavigate={() => setOpen(false)} />
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            {t('refusals.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
