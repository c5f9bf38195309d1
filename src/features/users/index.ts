import { lazy } from 'react';

export { useManagesUsers } from './manager';

/** In chunks of their own: the shell imports this feature for the navigation's check only (issue 13.11). */
export const UserListPage = lazy(async () => ({ default: (await import('./UserListPage')).UserListPage }));
export const UserEditPage = lazy(async () => ({ default: (await import('./UserEditPage')).UserEditPage }));
