import { recordsStaffEvents } from '../../domain';
import { useActor } from '../account';
import { screen, type FeaturePlace } from '../ui';

const staffDevelopment = () => import('./index');

function useRecordsStaffEvents(): boolean {
  const actor = useActor();
  return actor !== null && recordsStaffEvents(actor.roles);
}

export const place: FeaturePlace = {
  screens: [
    { path: 'staff-development', Page: screen(staffDevelopment, (m) => m.StaffDevelopmentPage) },
    { path: 'staff-development/new', Page: screen(staffDevelopment, (m) => m.StaffEventEditPage) },
    { path: 'staff-development/:eventId', Page: screen(staffDevelopment, (m) => m.StaffEventEditPage) },
  ],
  nav: [
    {
      to: '/staff-development',
      label: 'staffDevelopment:nav',
      order: 50,
      icon: 'M12 3 1 9l11 6 9-4.9V17h2V9L12 3Zm-7 10.2V17l7 4 7-4v-3.8L12 17l-7-3.8Z',
      useShown: useRecordsStaffEvents,
    },
  ],
};
