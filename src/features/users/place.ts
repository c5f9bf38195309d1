import './users.css';
import { suspended, type FeaturePlace } from '../ui';
import { UserEditPage, UserListPage } from './index';
import { useManagesUsers } from './manager';

// The pages are lazy in the feature's index, and let in only administrators and coordinators (the router is built
// once per app).
export const place: FeaturePlace = {
  screens: [
    { path: 'users', Page: suspended(UserListPage) },
    { path: 'users/new', Page: suspended(UserEditPage) },
    { path: 'users/:userId', Page: suspended(UserEditPage) },
  ],
  nav: [
    {
      to: '/users',
      label: 'users:nav',
      order: 80,
      icon: 'M15 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4Zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2H6Zm9 4c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4Z',
      useShown: useManagesUsers,
    },
  ],
};
