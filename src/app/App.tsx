import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { DatabaseProvider } from '../db';
import { SignInScreen } from '../features/account';
import { lock, useSession } from '../sync';
import { createI18n } from './i18n';
import { createRouter } from './routes';

/** Locks after this long without a touch or a key: a shared tablet left on a desk shows nobody's data. */
const IDLE_LOCK_MS = 15 * 60 * 1000;

function useIdleLock(active: boolean) {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => void lock(), IDLE_LOCK_MS);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lock(), IDLE_LOCK_MS);
    };
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [active]);
}

export function App() {
  const i18n = useMemo(() => createI18n(), []);
  const router = useMemo(() => createRouter(), []);
  const session = useSession();
  useIdleLock(session.status === 'unlocked');
  return (
    <I18nextProvider i18n={i18n}>
      {session.status === 'unlocked' ? (
        <DatabaseProvider key={session.account.userId} database={session.db}>
          <RouterProvider router={router} />
        </DatabaseProvider>
      ) : (
        <SignInScreen />
      )}
    </I18nextProvider>
  );
}
