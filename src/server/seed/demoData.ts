/**
 * The demo municipality a newcomer explores, Ezerkalnu novads, and a second one beside it (demoRudzupe.ts): fictional
 * places, realistic Latvian names, and a semester of support around the day it is seeded (demoSemester.ts). Deterministic for a given day (a seeded generator, timestamps
 * from the calendar), so every test sees the same data for the same day.
 */
import {
  localDate,
  monthsOf,
  previousSemester,
  semesterOf,
  type CollectionName,
  type EntityOf,
  type Municipality,
  type School,
  type User,
} from '../../domain';
import { demoIndirectWork } from './demoIndirectWork';
import { demoProfiles } from './demoProfiles';
import { demoStaffEvents } from './demoStaffEvents';
import { demoYouthProjects } from './demoYouthProjects';
import { demoSemester } from './demoSemester';
import { learnersOf, type Stamp } from './demoLearners';
import { demoRudzupe } from './demoRudzupe';
import { RUDZUPE_STORY } from './demoRudzupeStory';
import { seededRandom } from './demoTimeline';

export const DEMO_MUNICIPALITY_ID = 'demo-muni-ezerkalni';
/** Every demo account's password: demo data only, seeded only into an empty embedded database. */
export const DEMO_PASSWORD = 'atbalsts-demo';
export const DEMO_SCHOOL_IDS = { general: 'demo-school-vidusskola', vocational: 'demo-school-tehnikums' } as const;

/**
 * Everything the demo holds, as of `today` (YYYY-MM-DD, the local date by default): its school year and semester,
 * and the support given so far in it.
 */
export function demoDocuments(today: string = localDate(new Date())): { [C in CollectionName]?: EntityOf<C>[] } {
  const random = seededRandom(2026);
  const current = semesterOf(today);
  const year = Number(current.schoolYear.slice(0, 4));
  // Entered at the start of last semester, whose one plan the demo keeps.
  const at = `${monthsOf(previousSemester(current))[0] ?? `${year}-09`}-01T08:00:00.000Z`;
  const stamp: Stamp = { createdAt: at, updatedAt: at };
  const municipality: Municipality = { id: DEMO_MUNICIPALITY_ID, name: 'Ezerkalnu novads', ...stamp };
  const general: School = {
    id: DEMO_SCHOOL_IDS.general,
    name: 'Ezerkalnu vidusskola',
    kind: 'general',
    municipalityId: municipality.id,
    stateFounded: false,
    ...stamp,
  };
  const vocational: School = {
    id: DEMO_SCHOOL_IDS.vocational,
    name: 'Ezerkalnu tehnikums',
    kind: 'vocational',
    municipalityId: municipality.id,
    stateFounded: true,
    ...stamp,
  };
  const both = [general.id, vocational.id];
  const staff = (
    id: string,
    username: string,
    displayName: string,
    roles: User['roles'],
    extra: Partial<User>,
  ): User => ({
    id: `demo-user-${id}`,
    username,
    displayName,
    roles,
    specialistRoles: [],
    subjects: [],
    schoolIds: [general.id],
    active: true,
    ...stamp,
    ...extra,
  });
  const users: User[] = [
    staff('maths', 'ilze.kalnina', 'Ilze Kalniņa', ['teacher', 'plan_preparer'], { subjects: ['maths'] }),
    staff('latvian', 'andris.ozols', 'Andris Ozols', ['teacher'], { subjects: ['latvian'], schoolIds: both }),
    staff('psychologist', 'dace.liepa', 'Dace Liepa', ['psychologist', 'plan_preparer'], {
      specialistRoles: ['psychologist'],
      schoolIds: both,
    }),
    staff('social', 'marta.vitola', 'Marta Vītola', ['social_pedagogue', 'plan_preparer'], {
      specialistRoles: ['social_pedagogue'],
    }),
    staff('director', 'juris.berzins', 'Juris Bērziņš', ['director'], {}),
    staff('coordinator', 'inese.zarina', 'Inese Zariņa', ['municipal_coordinator'], {
      schoolIds: [],
      municipalityId: municipality.id,
    }),
    staff('admin', 'admin', 'Administrators', ['administrator'], { schoolIds: [] }),
    // The programme agency's national coordinator: every municipality's figures from the server, no learner's data
    // on their device (domain/access/reach.ts).
    staff('national', 'liga.rozite', 'Līga Rozīte', ['national_coordinator'], { schoolIds: [] }),
    // The state vocational school's director approves its plans (no municipality step) and, as its PuMPuRS
    // coordinator, records its compensations.
    staff('director-tech', 'rasa.kaleja', 'Rasa Kalēja', ['director', 'school_coordinator'], {
      schoolIds: [vocational.id],
    }),
    // The technical school's accountant: moves compensations on (approved, paid) and records her indirect work
    // (004: "netieši iesaistītie darbinieki (grāmatveži, koordinatori)"), granted by the school coordinator.
    staff('accountant', 'sarmite.krumina', 'Sarmīte Krūmiņa', ['accountant'], { schoolIds: [vocational.id] }),
  ];
  const rudzupe = demoRudzupe({ year, stamp });
  const municipalities = [municipality, rudzupe.municipality];
  const schools = [general, vocational, rudzupe.school];
  const learners = [
    ...learnersOf(general, 26, random, 1, { year, stamp }),
    ...learnersOf(vocational, 14, random, 27, { year, stamp }),
    ...rudzupe.learners,
  ];
  const everyone = [...users, ...rudzupe.users];
  const people = { municipalities, schools, users: everyone, learners };
  const ezerkalni = demoSemester(today, people);
  const second = demoSemester(today, people, RUDZUPE_STORY);
  return {
    municipalities,
    schools,
    users: everyone,
    learners,
    plans: [...ezerkalni.plans, ...second.plans],
    consultations: [...ezerkalni.consultations, ...second.consultations],
    compensations: [...ezerkalni.compensations, ...second.compensations],
    schedules: [...ezerkalni.schedules, ...second.schedules],
    notes: [...ezerkalni.notes, ...second.notes],
    staffevents: [
      ...demoStaffEvents(today, { municipalityId: municipality.id, general, vocational, users }),
      ...demoIndirectWork(today, vocational),
    ],
    profiles: demoProfiles(today),
    youthprojects: demoYouthProjects(today, { municipalityId: municipality.id, users }),
  };
}
