import { viewsProgrammeProfiles } from '../../domain';
import { useActor } from '../account';
import { screen, type FeaturePlace } from '../ui';

const programmeProfiles = () => import('./index');

function useViewsProfiles(): boolean {
  const actor = useActor();
  return actor !== null && viewsProgrammeProfiles(actor.roles);
}

// The pages let in whoever views profiles (coordinators, directors, the administrator); editing: the administrator.
export const place: FeaturePlace = {
  screens: [
    { path: 'programme-profiles', Page: screen(programmeProfiles, (m) => m.ProgrammeProfilesPage) },
    { path: 'programme-profiles/new', Page: screen(programmeProfiles, (m) => m.ProfileEditPage) },
    { path: 'programme-profiles/:profileId/edit', Page: screen(programmeProfiles, (m) => m.ProfileEditPage) },
  ],
  nav: [
    {
      to: '/programme-profiles',
      label: 'programmeProfiles:nav',
      order: 60,
      icon: 'M4 4h16v4H4V4Zm0 6h10v4H4v-4Zm0 6h16v4H4v-4Zm12-6h4v4h-4v-4Z',
      useShown: useViewsProfiles,
    },
  ],
};
