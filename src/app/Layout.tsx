import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import {
  readsEveryYouthApplication,
  recordsStaffEvents as recordsStaffEventsOf,
  viewsProgrammeProfiles,
} from '../domain';
import { useYouthProjects } from '../db';
import { AccountMenu, useActor } from '../features/account';
import { InstallBanner } from '../features/backup';
import { Notifications } from '../features/notifications';
import { useManagesUsers } from '../features/users';
import { useReadsReports } from '../features/reports';
import { DemoMark } from './DemoMark';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { SyncIndicator } from './SyncIndicator';
import { SyncProgress } from './SyncProgress';
import { UpdatePrompt } from './UpdatePrompt';
import { useSyncDecisionNotices } from './useSyncDecisionNotices';

/** The main places, in order; icons are 24×24 SVG paths. */
const NAV_LINKS: {
  to: string;
  label: string;
  icon: string;
  managersOnly?: boolean;
  reportReadersOnly?: boolean;
  eventRecordersOnly?: boolean;
  profileViewersOnly?: boolean;
  youthOnly?: boolean;
}[] = [
  {
    to: '/today',
    label: 'nav.today',
    icon: 'M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7Zm-2 7h14v11H5V9Zm2 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm4 0v2h2v-2h-2Z',
  },
  {
    to: '/learners',
    label: 'nav.learners',
    icon: 'M16 11a3.5 3.5 0 1 0-3.5-3.5A3.5 3.5 0 0 0 16 11Zm-8 0a3 3 0 1 0-3-3 3 3 0 0 0 3 3Zm0 2c-2.3 0-7 1.2-7 3.5V19h7v-2.5c0-1 .4-2 1.2-2.7A11 11 0 0 0 8 13Zm8 0c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4Z',
  },
  {
    to: '/plans',
    label: 'nav.plans',
    icon: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6Zm-1 7V3.5L18.5 9H13Zm-5 4h8v2H8v-2Zm0 4h8v2H8v-2Z',
  },
  {
    to: '/reports',
    label: 'reports:nav',
    icon: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm2 14h2v-6H7v6Zm4 0h2V7h-2v10Zm4 0h2v-4h-2v4Z',
    reportReadersOnly: true,
  },
  {
    to: '/staff-development',
    label: 'staffDevelopment:nav',
    icon: 'M12 3 1 9l11 6 9-4.9V17h2V9L12 3Zm-7 10.2V17l7 4 7-4v-3.8L12 17l-7-3.8Z',
    eventRecordersOnly: true,
  },
  {
    to: '/programme-profiles',
    label: 'programmeProfiles:nav',
    icon: 'M4 4h16v4H4V4Zm0 6h10v4H4v-4Zm0 6h16v4H4v-4Zm12-6h4v4h-4v-4Z',
    profileViewersOnly: true,
  },
  {
    to: '/youth-projects',
    label: 'youthProjects:nav',
    icon: 'M12 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM4 20v-1c0-3.3 3.6-6 8-6s8 2.7 8 6v1H4Zm14.5-11.5L20 7l1.5 1.5L20 10l-1.5-1.5Z',
    youthOnly: true,
  },
  {
    to: '/users',
    label: 'users:nav',
    icon: 'M15 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4Zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2H6Zm9 4c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4Z',
    managersOnly: true,
  },
  {
    to: '/settings',
    label: 'nav.settings',
    icon: 'M19.14 12.94c.04-.3.06-.61.06-.94 0-.32-.02-.64-.07-.94l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.49.49 0 0 0-.59-.22l-2.39.96a7 7 0 0 0-1.62-.94l-.36-2.54a.48.48 0 0 0-.48-.41h-3.84a.47.47 0 0 0-.47.41l-.36 2.54a7.4 7.4 0 0 0-1.62.94l-2.39-.96a.48.48 0 0 0-.59.22L2.74 8.87a.47.47 0 0 0 .12.61l2.03 1.58c-.05.3-.09.63-.09.94s.02.64.07.94l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.24.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54a7 7 0 0 0 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32a.48.48 0 0 0-.12-.61l-2.01-1.58ZM12 15.6A3.6 3.6 0 1 1 12 8.4a3.6 3.6 0 0 1 0 7.2Z',
  },
];

export function Layout() {
  const { t } = useTranslation();
  const managesUsers = useManagesUsers();
  const readsReports = useReadsReports();
  const actor = useActor();
  // Staff development's own index would bring its screens into the first load: the rule comes from the domain.
  const recordsStaffEvents = actor !== null && recordsStaffEventsOf(actor.roles);
  const viewsProfiles = actor !== null && viewsProgrammeProfiles(actor.roles);
  // Youth projects: for those who decide on them, and for the members of a competition's commission.
  const { data: youth } = useYouthProjects();
  const seesYouth =
    actor !== null &&
    (readsEveryYouthApplication(actor.roles) ||
      youth.some((r) => r.competition?.commission.includes(actor.userId) === true));
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
      <MainNav
        links={NAV_LINKS.filter(
          (link) =>
            (managesUsers || !link.managersOnly) &&
            (readsReports || !link.reportReadersOnly) &&
            (recordsStaffEvents || !link.eventRecordersOnly) &&
            (viewsProfiles || !link.profileViewersOnly) &&
            (seesYouth || !link.youthOnly),
        )}
      />
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
