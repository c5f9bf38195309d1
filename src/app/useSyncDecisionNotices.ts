import { useEffect } from 'react';
import { notify } from '../features/notifications';
import { useSyncDecisions } from '../sync';

/**
 * The device whose edit met another device's edit hears of it at once, not only "Saved": the record then shows, in
 * words, any value that was replaced, with keep / take the other.
 */
export function useSyncDecisionNotices(): void {
  useEffect(
    () =>
      useSyncDecisions.subscribe((state, previous) => {
        if (state.latest && state.latest !== previous.latest)
          notify({ kind: 'info', key: 'sync:conflicts.lostNotice' });
      }),
    [],
  );
}
