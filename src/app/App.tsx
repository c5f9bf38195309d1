import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DatabaseProvider } from '../db';
import { SignInScreen } from '../features/account';
import { ChunkBoundary, ChunkFailure } from '../features/ui';
import { idleLockMinutesOf, lock, useSession } from '../sync';
import { DemoMark } from './DemoMark';
import type { createRouter, Routes as RoutesOf } from './routes';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentTitle } from './useDocumentTitle';
import { useIdleLock } from './useIdleLock';

const lockNow = () => void lock();

type Router = ReturnType<typeof createRouter>;
type Shell = { router: Router; Routes: typeof RoutesOf };

/**
 * The signed-in app (router, layout, Today, RxDB's screens) comes in chunks of its own (issue 13.11), fetched when
 * the person first presses a key or touches the screen, or once someone is signed in: the sign-in and unlock screens
 * start without parsing it, and it is there (from the service worker's cache offline) by the time the password is
 * typed. A focus moved by the app itself (the first field) does not count as input.
 */
const FIRST_INPUT = ['keydown', 'pointerdown'] as const;

type ShellState = { shell: Shell | null; failed: boolean; retry: () => void };

function useShell(wanted: boolean): ShellState {
  const [shell, setShell] = useState<Shell | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (asked) return;
    const ask = () => setAsked(true);
    for (const type of FIRST_INPUT) window.addEventListener(type, ask, { capture: true, once: true, passive: true });
    return () => {
      for (const type of FIRST_INPUT) window.removeEventListener(type, ask, { capture: true });
    };
  }, [asked]);
  const load = wanted || asked;
  useEffect(() => {
    if (!load) return;
    let current = true;
    import('./routes').then(
      ({ createRouter, Routes }) => {
        if (current) setShell((loaded) => loaded ?? { router: createRouter(), Routes });
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return { shell, failed, retry };
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

export function App({ i18n }: { i18n: I18n }) {
  const session = useSession();
  const { shell, failed, retry } = useShell(session.status === 'unlocked');
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
          {shell ? (
            // What the screens' own boundaries do not hold (the layout's lazy parts) fails to a retry, not a blank page.
            <ChunkBoundary>
              <shell.Routes router={shell.router} />
            </ChunkBoundary>
          ) : failed ? (
            <main className="main">
              <ChunkFailure onRetry={retry} />
            </main>
          ) : (
            <ShellLoading />
          )}
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
