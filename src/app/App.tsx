import { useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DatabaseProvider } from '../db';
import { SignInScreen } from '../features/account';
import { idleLockMinutesOf, lock, useSession } from '../sync';
import { DemoMark } from './DemoMark';
import { createI18n } from './i18n';
import type { createRouter, Routes as RoutesOf } from './routes';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentTitle } from './useDocumentTitle';
import { useIdleLock } from './useIdleLock';

const lockNow = () => void lock();

type Router = ReturnType<typeof createRouter>;
type Shell = { router: Router; Routes: typeof RoutesOf };

/**
 * The signed-in app (router, layout, Today) comes in chunks of its own, fetched at once when the app starts (issue
 * 13.11): the sign-in and unlock screens render without waiting for them, and they are usually there before the
 * password is typed. The service worker precaches them for offline starts.
 */
function useShell(): Shell | null {
  const [shell, setShell] = useState<Shell | null>(null);
  useEffect(() => {
    let current = true;
    void import('./routes').then(({ createRouter, Routes }) => {
      if (current) setShell({ router: createRouter(), Routes });
    });
    return () => {
      current = false;
    };
  }, []);
  return shell;
}

function ShellLoading() {
  const { t } = useTranslation();
  return (
    <p className="page" role="status">
      {t('app.loading')}
    </p>
  );
}

/**
 * Unlocking again returns to where the person was; someone else signing in on the same device starts at the
 * beginning instead of on the previous person's last screen.
 */
function useStartAfreshForSomeoneElse(router: Router | null, userId: string | null) {
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!userId || !router) return;
    if (last.current !== null && last.current !== userId) void router.navigate('/', { replace: true });
    last.current = userId;
  }, [router, userId]);
}

export function App() {
  const i18n = useMemo(() => createI18n(), []);
  const shell = useShell();
  const session = useSession();
  useStartAfreshForSomeoneElse(shell?.router ?? null, session.status === 'unlocked' ? session.account.userId : null);
  const idleMinutes = session.status === 'unlocked' ? idleLockMinutesOf(session.account) : 0;
  useIdleLock(session.status === 'unlocked', idleMinutes * 60_000, lockNow);
  const appName = useMemo(() => () => i18n.t('common:app.name'), [i18n]);
  useDocumentTitle(appName);
  return (
    <I18nextProvider i18n={i18n}>
      {session.status === 'unlocked' ? (
        // A rebuilt local copy is a new database: everything reading the old one starts afresh.
        <DatabaseProvider key={session.db.token} database={session.db}>
          {shell ? <shell.Routes router={shell.router} /> : <ShellLoading />}
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
