/**
 * The demo municipality a newcomer explores: fictional places, realistic Latvian names, and a semester of support
 * around the day it is seeded (demoSemester.ts). Deterministic for a given day (a seeded generator, timestamps
 * from the calendar), so every test sees the same data for the same day.
 */
import {
  localDate,
  monthsOf,
  previousSemester,
  semesterOf,
  type CollectionName,
  type EntityOf,
  type Learner,
  type Municipality,
  type School,
  type User,
} from '../../domain';
import { demoIndirectWork } from './demoIndirectWork';
import { demoProfiles } from './demoProfiles';
import { demoStaffEvents } from './demoStaffEvents';
import { demoYouthProjects } from './demoYouthProjects';
import { demoSemester } from './demoSemester';
import { seededRandom } from './demoTimeline';

export const DEMO_MUNICIPALITY_ID = 'demo-muni-ezerkalni';
/** Every demo account's password: demo data only, seeded only into an empty embedded database. */
export const DEMO_PASSWORD = 'atbalsts-demo';
export const DEMO_SCHOOL_IDS = { general: 'demo-school-vidusskola', vocational: 'demo-school-tehnikums' } as const;

type Stamp = { createdAt: string; updatedAt: string };

const GIRLS = [
  'Anna',
  'Marta',
  'Elza',
  'Sofija',
  'Emīlija',
  'Alise',
  'Paula',
  'Laura',
  'Keita',
  'Līva',
  'Estere',
  'Madara',
  'Rēzija',
  'Katrīna',
];
const BOYS = [
  'Jānis',
  'Roberts',
  'Markuss',
  'Gustavs',
  'Ralfs',
  'Kārlis',
  'Emīls',
  'Dāvis',
  'Artūrs',
  'Rainers',
  'Miķelis',
  'Ričards',
  'Tomass',
  'Edvards',
];
// Masculine and feminine forms of the same surname.
const SURNAMES: [string, string][] = [
  ['Bērziņš', 'Bērziņa'],
  ['Kalniņš', 'Kalniņa'],
  ['Ozoliņš', 'Ozoliņa'],
  ['Jansons', 'Jansone'],
  ['Liepiņš', 'Liepiņa'],
  ['Krūmiņš', 'Krūmiņa'],
  ['Balodis', 'Balode'],
  ['Zariņš', 'Zariņa'],
  ['Pētersons', 'Pētersone'],
  ['Vītols', 'Vītola'],
  ['Kļaviņš', 'Kļaviņa'],
  ['Siliņš', 'Siliņa'],
  ['Lūsis', 'Lūse'],
  ['Eglītis', 'Eglīte'],
  ['Grīnbergs', 'Grīnberga'],
  ['Dūmiņš', 'Dūmiņa'],
  ['Šmits', 'Šmite'],
  ['Čakste', 'Čakste'],
  ['Āboliņš', 'Āboliņa'],
  ['Ģērmanis', 'Ģērmane'],
];
const GENERAL_CLASSES = ['5.a', '6.b', '7.a', '7.b', '8.a', '9.a', '9.b', '10.a', '11.b', '12.b'];
const VOCATIONAL_GROUPS = ['1. kurss, AM-25', '1. kurss, PA-25', '2. kurss, AM-24', '3. kurss, KO-23'];

/** Learners of a school year starting in September of `year`: ages and applications follow it. */
function learnersOf(
  school: School,
  count: number,
  random: () => number,
  firstIndex: number,
  { year, stamp }: { year: number; stamp: Stamp },
): Learner[] {
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return Array.from({ length: count }, (_, i) => {
    const girl = random() < 0.5;
    const [masculine, feminine] = pick(SURNAMES);
    const lastName = girl ? feminine : masculine;
    const firstName = pick(girl ? GIRLS : BOYS);
    const vocational = school.kind === 'vocational';
    const shift = year - 2026;
    const birthYear = shift + (vocational ? 2006 + Math.floor(random() * 4) : 2009 + Math.floor(random() * 7));
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const guardianGirl = random() < 0.7;
    const guardian = `${pick(guardianGirl ? GIRLS : BOYS)} ${guardianGirl ? feminine : masculine}`;
    const adult = birthYear - shift <= 2007;
    const n = firstIndex + i;
    return {
      id: `demo-learner-${String(n).padStart(3, '0')}`,
      schoolId: school.id,
      firstName,
      lastName,
      className: pick(vocational ? VOCATIONAL_GROUPS : GENERAL_CLASSES),
      programme: vocational ? 'vocational' : 'general',
      birthDate: `${birthYear}-${month}-${day}`,
      // By the index, not the random sequence (which the rest of the demo follows): one in five lives in another
      // municipality, and one in three of the rest said they live in the school's.
      ...(n % 5 === 2 ? { livesInOtherMunicipality: true } : n % 3 === 0 ? { livesInOtherMunicipality: false } : {}),
      guardians: [
        {
          id: `demo-guardian-${n}`,
          name: guardian,
          relation: guardianGirl ? 'māte' : 'tēvs',
          phone: `+371 2${String(Math.floor(random() * 1e7)).padStart(7, '0')}`,
        },
      ],
      ...(random() < 0.8
        ? {
            consent: {
              signedOn: `${year}-09-0${2 + Math.floor(random() * 7)}`,
              signedBy: adult ? `${firstName} ${lastName}` : guardian,
              signerRole: adult ? 'learner' : 'parent',
            },
          }
        : {}),
      archived: false,
      ...stamp,
    } satisfies Learner;
  });
}

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
  const schools = [general, vocational];
  const learners = [
    ...learnersOf(general, 26, random, 1, { year, stamp }),
    ...learnersOf(vocational, 14, random, 27, { year, stamp }),
  ];
  return {
    municipalities: [municipality],
    schools,
    users,
    learners,
    ...demoSemester(today, { municipalities: [municipality], schools, users, learners }),
    staffevents: [
      ...demoStaffEvents(today, { municipalityId: municipality.id, general, vocational, users }),
      ...demoIndirectWork(today, vocational),
    ],
    profiles: demoProfiles(today),
    youthprojects: demoYouthProjects(today, { municipalityId: municipality.id, users }),
  };
}
