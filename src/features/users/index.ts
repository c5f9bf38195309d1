export { UserListPage } from './UserListPage';
export { UserEditPage } from './UserEditPage';
export { useManagesUsers } from './manager';
