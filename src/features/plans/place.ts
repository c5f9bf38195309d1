import './plans.css';
import { screen, type FeaturePlace } from '../ui';

const plans = () => import('./index');

export const place: FeaturePlace = {
  screens: [
    { path: 'plans', Page: screen(plans, (m) => m.PlansListPage) },
    { path: 'plans/:planId', Page: screen(plans, (m) => m.PlanPage) },
  ],
  nav: [
    {
      to: '/plans',
      label: 'nav.plans',
      order: 30,
      icon: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6Zm-1 7V3.5L18.5 9H13Zm-5 4h8v2H8v-2Zm0 4h8v2H8v-2Z',
    },
  ],
};
