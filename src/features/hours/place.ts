import { screen, type FeaturePlace } from '../ui';

const hours = () => import('./index');

// Reached from Today's hours header, not the nav.
export const place: FeaturePlace = {
  screens: [
    { path: 'hours', Page: screen(hours, (m) => m.StaffHoursPage) },
    { path: 'hours/:staffId/:month', Page: screen(hours, (m) => m.TimesheetPage) },
  ],
};
