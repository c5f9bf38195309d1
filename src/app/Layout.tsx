import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { AccountMenu } from '../features/account';
import { Notifications } from '../features/notifications';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from './SyncIndicator';
import { UpdatePrompt } from './UpdatePrompt';

export function Layout() {
  const { t } = useTranslation();
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
        <SyncIndicator />
        <LanguageSwitch />
        <AccountMenu />
      </header>
      <nav className="nav" aria-label={t('nav.main')}>
        <NavLink to="/learners" className="nav__link">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
            <path
              fill="currentColor"
              d="M16 11a3.5 3.5 0 1 0-3.5-3.5A3.5 3.5 0 0 0 16 11Zm-8 0a3 3 0 1 0-3-3 3 3 0 0 0 3 3Zm0 2c-2.3 0-7 1.2-7 3.5V19h7v-2.5c0-1 .4-2 1.2-2.7A11 11 0 0 0 8 13Zm8 0c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4Z"
            />
          </svg>
          <span>{t('nav.learners')}</span>
        </NavLink>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <UpdatePrompt />
      <Notifications />
    </div>
  );
}
