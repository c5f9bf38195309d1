import { offersIndirectWork } from '../../domain';
import { useActor } from '../account';
import { screen, type FeaturePlace } from '../ui';

const hours = () => import('./index');

function useRecordsIndirectWork(): boolean {
  const actor = useActor();
  return actor !== null && offersIndirectWork(actor.roles);
}

// Staff hours and timesheets are reached from Today's hours header; indirect work also from the nav, for those whose
// work it mostly is (accountants, school coordinators).
export const place: FeaturePlace = {
  screens: [
    { path: 'hours', Page: screen(hours, (m) => m.StaffHoursPage) },
    { path: 'hours/indirect', Page: screen(hours, (m) => m.IndirectWorkPage) },
    { path: 'hours/:staffId/:month', Page: screen(hours, (m) => m.TimesheetPage) },
  ],
  nav: [
    {
      to: '/hours/indirect',
      label: 'hours:indirect.navShort',
      order: 55,
      icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm1-13h-2v6.4l5 3 1-1.7-4-2.3V7Z',
      useShown: useRecordsIndirectWork,
    },
  ],
};
