import { readsEveryYouthApplication } from '../../domain';
import { useYouthProjects } from '../../db';
import { useActor } from '../account';
import { screen, type FeaturePlace } from '../ui';

const youth = () => import('./index');

/** For those who decide on youth projects, and for the members of a competition's commission. */
function useSeesYouthProjects(): boolean {
  const actor = useActor();
  const { data } = useYouthProjects();
  return (
    actor !== null &&
    (readsEveryYouthApplication(actor.roles) ||
      data.some((r) => r.competition?.commission.includes(actor.userId) === true))
  );
}

export const place: FeaturePlace = {
  screens: [
    { path: 'youth-projects', Page: screen(youth, (m) => m.YouthProjectsPage) },
    { path: 'youth-projects/new', Page: screen(youth, (m) => m.CompetitionEditPage) },
    { path: 'youth-projects/:competitionId', Page: screen(youth, (m) => m.CompetitionPage) },
    { path: 'youth-projects/:competitionId/applications/new', Page: screen(youth, (m) => m.ApplicationEditPage) },
    {
      path: 'youth-projects/:competitionId/applications/:applicationId',
      Page: screen(youth, (m) => m.ApplicationPage),
    },
    {
      path: 'youth-projects/:competitionId/applications/:applicationId/edit',
      Page: screen(youth, (m) => m.ApplicationEditPage),
    },
  ],
  nav: [
    {
      to: '/youth-projects',
      label: 'youthProjects:nav',
      order: 70,
      icon: 'M12 2a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM4 20v-1c0-3.3 3.6-6 8-6s8 2.7 8 6v1H4Zm14.5-11.5L20 7l1.5 1.5L20 10l-1.5-1.5Z',
      useShown: useSeesYouthProjects,
    },
  ],
};
