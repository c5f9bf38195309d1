import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { screens } from './places';

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
        ...screens.map(({ path, Page }) => ({ path, element: <Page /> })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}

/** The router's view, here so that the router library comes with the signed-in app's chunks, not the first load. */
export function Routes({ router }: { router: ReturnType<typeof createRouter> }) {
  return <RouterProvider router={router} />;
}
