/**
 * The demo's second municipality, Rudzupes novads (fictional, as Ezerkalnu novads is): one municipal general school,
 * its staff and its 30 learners, and a semester told in demoRudzupeStory.ts. It is there so the state's report
 * (server/reports) has two municipalities to set side by side, and so a newcomer sees that a municipal coordinator
 * reaches only her own: Ezerkalni's accounts reach nothing of it, and its coordinator nothing of Ezerkalni's.
 */
import type { Municipality, School, User } from '../../domain';
import { learnersOf, type Stamp } from './demoLearners';
import { seededRandom } from './demoTimeline';

export const DEMO_RUDZUPE_IDS = { municipality: 'demo-muni-rudzupe', school: 'demo-school-rudzupe' } as const;

/** Rudzupe's places, people and learners (ids demo-learner-041 to -070), entered when Ezerkalni's were. */
export function demoRudzupe({ year, stamp }: { year: number; stamp: Stamp }) {
  const municipality: Municipality = { id: DEMO_RUDZUPE_IDS.municipality, name: 'Rudzupes novads', ...stamp };
  const school: School = {
    id: DEMO_RUDZUPE_IDS.school,
    name: 'Rudzupes vidusskola',
    kind: 'general',
    municipalityId: municipality.id,
    stateFounded: false,
    ...stamp,
  };
  const staff = (id: string, username: string, displayName: string, extra: Partial<User> & Pick<User, 'roles'>) =>
    ({
      id: `demo-user-rudzupe-${id}`,
      username,
      displayName,
      specialistRoles: [],
      subjects: [],
      schoolIds: [school.id],
      active: true,
      ...stamp,
      ...extra,
    }) satisfies User;
  const users: User[] = [
    staff('maths', 'baiba.sproge', 'Baiba Sproģe', { roles: ['teacher', 'plan_preparer'], subjects: ['maths'] }),
    // Records the school's compensations, as Ezerkalni's social pedagogue does.
    staff('social', 'laila.priede', 'Laila Priede', {
      roles: ['social_pedagogue', 'plan_preparer'],
      specialistRoles: ['social_pedagogue'],
    }),
    staff('director', 'aivars.lapins', 'Aivars Lapiņš', { roles: ['director'] }),
    staff('coordinator', 'gunta.abele', 'Gunta Ābele', {
      roles: ['municipal_coordinator'],
      schoolIds: [],
      municipalityId: municipality.id,
    }),
  ];
  // A generator of its own: Ezerkalni's learners stay as they were.
  const learners = learnersOf(school, 30, seededRandom(2028), 41, { year, stamp });
  return { municipality, school, users, learners };
}
