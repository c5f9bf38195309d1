import { useEffect, useMemo, useRef } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { DatabaseProvider } from '../db';
import { SignInScreen } from '../features/account';
import { idleLockMinutesOf, lock, useSession } from '../sync';
import { DemoMark } from './DemoMark';
import { createI18n } from './i18n';
import { createRouter } from './routes';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentTitle } from './useDocumentTitle';
import { useIdleLock } from './useIdleLock';

const lockNow = () => void lock();

/**
 * Unlocking again returns to where the person was; someone else signing in on the same device starts at the
 * beginning instead of on the previous person's last screen.
 */
function useStartAfreshForSomeoneElse(router: ReturnType<typeof createRouter>, userId: string | null) {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!userId) return;
    if (last.current !== null && last.current !== userId) void router.navigate('/', { replace: true });
    last.current = userId;
  }, [router, userId]);
}

export function App() {
  const i18n = useMemo(() => createI18n(), []);
  const router = useMemo(() => createRouter(), []);
  const session = useSession();
  useStartAfreshForSomeoneElse(router, session.status === 'unlocked' ? session.account.userId : null);
  const idleMinutes = session.status === 'unlocked' ? idleLockMinutesOf(session.account) : 0;
  useIdleLock(session.status === 'unlocked', idleMinutes * 60_000, lockNow);
  const appName = useMemo(() => () => i18n.t('common:app.name'), [i18n]);
  useDocumentTitle(appName);
  return (
    <I18nextProvider i18n={i18n}>
      {session.status === 'unlocked' ? (
        // A rebuilt local copy is a new database: everything reading the old one starts afresh.
        <DatabaseProvider key={session.db.token} database={session.db}>
          <RouterProvider router={router} />
        </DatabaseProvider>
      ) : (
        <div className="signin-page">
          {/* The banner landmark: the demo warning is not content outside every region. */}
          <header>
            <DemoMark />
          </header>
          <SignInScreen languageSwitch={<LanguageSwitch />} />
        </div>
      )}
    </I18nextProvider>
  );
}
