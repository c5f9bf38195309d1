import { retryableLazy } from '../ui';

export { useManagesUsers } from './manager';

/** In chunks of their own: the shell imports this feature for the navigation's check only (issue 13.11). */
export const UserListPage = retryableLazy(async () => (await import('./UserListPage')).UserListPage);
export const UserEditPage = retryableLazy(async () => (await import('./UserEditPage')).UserEditPage);
