import './consultations.css';
import type { FeaturePlace } from '../ui';
import { TodayPage } from './TodayPage';

/** Today stays in the first load of the signed-in app: it is where a teacher starts. */
export const place: FeaturePlace = {
  screens: [{ path: 'today', Page: TodayPage }],
  nav: [
    {
      to: '/today',
      label: 'nav.today',
      order: 10,
      icon: 'M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7Zm-2 7h14v11H5V9Zm2 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm4 0v2h2v-2h-2Z',
    },
  ],
};
