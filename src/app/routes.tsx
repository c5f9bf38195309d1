import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router';
import { DeviceSettingsPage } from '../features/account';
import { LearnerEditPage, LearnerListPage } from '../features/learners';
import { ClassImportPage } from '../features/classImport';
import { StaffHoursPage, TimesheetPage } from '../features/hours';
import { PlanPage, PlansListPage } from '../features/plans';
import { TodayPage } from '../features/consultations';
import { UserEditPage, UserListPage } from '../features/users';
import { ReportsPage } from '../features/reports';
import { Layout } from './Layout';

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
        { path: 'plans', element: <PlansListPage /> },
        { path: 'plans/:planId', element: <PlanPage /> },
        { path: 'settings', element: <DeviceSettingsPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
