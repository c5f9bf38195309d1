/**
 * The demo's learners: realistic Latvian names (feminine surnames for girls), classes or groups by school kind, ages
 * and applications following the school year. Deterministic for a given generator.
 */
import type { Learner, School } from '../../domain';

export type Stamp = { createdAt: string; updatedAt: string };

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
export function learnersOf(
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
