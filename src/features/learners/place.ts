import './learners.css';
import { screen, type FeaturePlace } from '../ui';

const learners = () => import('./index');

export const place: FeaturePlace = {
  screens: [
    { path: 'learners', Page: screen(learners, (m) => m.LearnerListPage) },
    { path: 'learners/new', Page: screen(learners, (m) => m.LearnerEditPage) },
    { path: 'learners/:learnerId', Page: screen(learners, (m) => m.LearnerEditPage) },
  ],
  nav: [
    {
      to: '/learners',
      label: 'nav.learners',
      order: 20,
      icon: 'M16 11a3.5 3.5 0 1 0-3.5-3.5A3.5 3.5 0 0 0 16 11Zm-8 0a3 3 0 1 0-3-3 3 3 0 0 0 3 3Zm0 2c-2.3 0-7 1.2-7 3.5V19h7v-2.5c0-1 .4-2 1.2-2.7A11 11 0 0 0 8 13Zm8 0c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4Z',
    },
  ],
};
