import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AccountMenu } from '../features/account';
import { InstallBanner } from '../features/backup';
import { Notifications } from '../features/notifications';
import { DemoMark } from './DemoMark';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { useNavEntries } from './places';
import { SyncIndicator } from './SyncIndicator';
import { SyncProgress } from './SyncProgress';
import { UpdatePrompt } from './UpdatePrompt';
import { useSyncDecisionNotices } from './useSyncDecisionNotices';

export function Layout() {
  const { t } = useTranslation();
  const navEntries = useNavEntries();
  useSyncDecisionNotices();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <div>
            <span className="topbar__name">{t('app.name')}</span>
            <span className="topbar__tagline">{t('app.tagline')}</span>
          </div>
        </div>
        {/* Two groups that keep together: on a phone the state on the brand's row, the tools on a row under it. */}
        <div className="topbar__status">
          <DemoMark compact />
          <SyncIndicator />
        </div>
        <div className="topbar__tools">
          <LanguageSwitch />
          {/* Its own chunk (see features/account): the top bar shows without it for the moment it loads. */}
          <Suspense fallback={null}>
            <AccountMenu />
          </Suspense>
        </div>
      </header>
      <MainNav links={navEntries} />
      <main id="main" className="main" tabIndex={-1}>
        <SyncProgress />
        <InstallBanner />
        <Outlet />
      </main>
      <UpdatePrompt />
      <Notifications />
    </div>
  );
}
