import { Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router';
import { DeviceSettingsPage as LazyDeviceSettingsPage } from '../features/account';
import { TodayPage } from '../features/consultations';
import { ReportsPage as LazyReportsPage } from '../features/reports';
import { UserEditPage as LazyUserEditPage, UserListPage as LazyUserListPage } from '../features/users';
import { ChunkBoundary, retryableLazy } from '../features/ui';
import { Layout } from './Layout';

/** Said while a screen's code loads: from the service worker's cache, so briefly, and only on its first opening. */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <p className="page" role="status">
      {t('app.screenLoading')}
    </p>
  );
}

/**
 * A screen in a chunk of its own (issue 13.11: the first load carried every screen). Its Suspense is the route's own,
 * new on each navigation, so a tap answers at once with the loading line instead of leaving the last screen shown
 * (the router navigates in a transition, which keeps an already shown boundary's content). The service worker
 * precaches every chunk, so a screen opened for the first time offline still loads. Today stays in the first load:
 * it is where a teacher starts.
 */
function suspended(Page: ComponentType): ComponentType {
  return function Screen() {
    // A chunk that does not arrive (offline before it was cached, gone after a deploy) says so, with a retry, under
    // the nav that still works.
    return (
      <ChunkBoundary>
        <Suspense fallback={<ScreenLoading />}>
          <Page />
        </Suspense>
      </ChunkBoundary>
    );
  };
}

function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return suspended(retryableLazy(async () => pick(await load())));
}

// Lazy in their own index: the shell imports those features' hooks, which would keep the pages with them here.
const DeviceSettingsPage = suspended(LazyDeviceSettingsPage);
const UserListPage = suspended(LazyUserListPage);
const UserEditPage = suspended(LazyUserEditPage);
const ReportsPage = suspended(LazyReportsPage);

const learners = () => import('../features/learners');
const plans = () => import('../features/plans');
const LearnerListPage = screen(learners, (m) => m.LearnerListPage);
const LearnerEditPage = screen(learners, (m) => m.LearnerEditPage);
const ClassImportPage = screen(
  () => import('../features/classImport'),
  (m) => m.ClassImportPage,
);
const StaffHoursPage = screen(
  () => import('../features/hours'),
  (m) => m.StaffHoursPage,
);
const TimesheetPage = screen(
  () => import('../features/hours'),
  (m) => m.TimesheetPage,
);
const staffDevelopment = () => import('../features/staffDevelopment');
const StaffDevelopmentPage = screen(staffDevelopment, (m) => m.StaffDevelopmentPage);
const StaffEventEditPage = screen(staffDevelopment, (m) => m.StaffEventEditPage);
const programmeProfiles = () => import('../features/programmeProfiles');
const ProgrammeProfilesPage = screen(programmeProfiles, (m) => m.ProgrammeProfilesPage);
const ProfileEditPage = screen(programmeProfiles, (m) => m.ProfileEditPage);
const youthProjects = () => import('../features/youthProjects');
const YouthProjectsPage = screen(youthProjects, (m) => m.YouthProjectsPage);
const CompetitionEditPage = screen(youthProjects, (m) => m.CompetitionEditPage);
const CompetitionPage = screen(youthProjects, (m) => m.CompetitionPage);
const ApplicationEditPage = screen(youthProjects, (m) => m.ApplicationEditPage);
const ApplicationPage = screen(youthProjects, (m) => m.ApplicationPage);
const PlansListPage = screen(plans, (m) => m.PlansListPage);
const PlanPage = screen(plans, (m) => m.PlanPage);

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { index: true, element: <Navigate to="/learners" replace /> },
        { path: 'learners', element: <LearnerListPage /> },
        { path: 'learners/new', element: <LearnerEditPage /> },
        { path: 'learners/import', element: <ClassImportPage /> },
        { path: 'learners/:learnerId', element: <LearnerEditPage /> },
        // The pages themselves let only administrators and coordinators in (the router is built once per app).
        { path: 'users', element: <UserListPage /> },
        { path: 'users/new', element: <UserEditPage /> },
        { path: 'users/:userId', element: <UserEditPage /> },
        { path: 'today', element: <TodayPage /> },
        { path: 'hours', element: <StaffHoursPage /> },
        { path: 'hours/:staffId/:month', element: <TimesheetPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'staff-development', element: <StaffDevelopmentPage /> },
        { path: 'staff-development/new', element: <StaffEventEditPage /> },
        { path: 'staff-development/:eventId', element: <StaffEventEditPage /> },
        // The pages let in whoever views profiles (coordinators, directors, the administrator); editing: administrator.
        { path: 'programme-profiles', element: <ProgrammeProfilesPage /> },
        { path: 'programme-profiles/new', element: <ProfileEditPage /> },
        { path: 'programme-profiles/:profileId/edit', element: <ProfileEditPage /> },
        { path: 'youth-projects', element: <YouthProjectsPage /> },
        { path: 'youth-projects/new', element: <CompetitionEditPage /> },
        { path: 'youth-projects/:competitionId', element: <CompetitionPage /> },
        { path: 'youth-projects/:competitionId/applications/new', element: <ApplicationEditPage /> },
        { path: 'youth-projects/:competitionId/applications/:applicationId', element: <ApplicationPage /> },
        { path: 'youth-projects/:competitionId/applications/:applicationId/edit', element: <ApplicationEditPage /> },
        { path: 'plans', element: <PlansListPage /> },
        { path: 'plans/:planId', element: <PlanPage /> },
        { path: 'settings', element: <DeviceSettingsPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}

/** The router's view, here so that the router library comes with the signed-in app's chunks, not the first load. */
export function Routes({ router }: { router: ReturnType<typeof createRouter> }) {
  return <RouterProvider router={router} />;
}
