import { suspended, type FeaturePlace } from '../ui';
import { ReportsPage } from './index';
import { useReadsReports } from './useReadsReports';

// ReportsPage is lazy in the feature's index: the nav's hook comes with the shell, the page in its own chunk.
export const place: FeaturePlace = {
  screens: [{ path: 'reports', Page: suspended(ReportsPage) }],
  nav: [
    {
      to: '/reports',
      label: 'reports:nav',
      order: 40,
      icon: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm2 14h2v-6H7v6Zm4 0h2V7h-2v10Zm4 0h2v-4h-2v4Z',
      useShown: useReadsReports,
    },
  ],
};
