import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Calls `onIdle` after `idleMs` without a touch, a key or a scroll: a shared tablet left on a desk shows nobody's
 * data. Any activity starts the wait again.
 */
export function useIdleLock(active: boolean, idleMs: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(onIdle, idleMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, idleMs);
    };
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [active, idleMs, onIdle]);
}
