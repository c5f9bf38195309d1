import './classImport.css';
import { screen, type FeaturePlace } from '../ui';

export const place: FeaturePlace = {
  screens: [
    {
      path: 'learners/import',
      Page: screen(
        () => import('./index'),
        (m) => m.ClassImportPage,
      ),
    },
  ],
};
