import { describe, expect, it } from 'vitest';
import { pumpurs2017 } from './pumpurs2017';
import {
  copyOfProfile,
  nextRiskCode,
  profileById,
  profileForSchoolYear,
  storedProfileSchema,
  type StoredProfile,
} from './storedProfile';

const at = (day: string) => `2026-${day}T08:00:00.000Z`;
function stored(id: string, schoolYears: string[], changes: Partial<StoredProfile> = {}): StoredProfile {
  return {
    ...copyOfProfile(pumpurs2017, { id, title: id, now: at('01-10'), by: 'admin' }),
    schoolYears,
    ...changes,
  };
}

const skola = stored('skola', ['2024/2025', '2025/2026'], { assignedAt: at('03-01') });
const pilot = stored('pilot', ['2025/2026'], { assignedAt: at('02-01') });
const later = stored('later', ['2025/2026'], { assignedAt: at('04-01') });
const sameTimeA = stored('a', ['2026/2027'], { assignedAt: at('05-01') });
const sameTimeB = stored('b', ['2026/2027'], { assignedAt: at('05-01') });
const gone = { ...stored('gone', ['2027/2028'], { assignedAt: at('06-01') }), _deleted: true } as StoredProfile;

describe('the profile a school year uses', () => {
  // Oracle: read off the school years each profile above lists, by hand.
  it.each([
    ['no profile stored', [], '2021/2022', 'pumpurs_2017'],
    ['a year no stored profile claims', [skola], '2023/2024', 'pumpurs_2017'],
    ['a year after the built-in years, unclaimed', [skola], '2030/2031', 'pumpurs_2017'],
    ['the one profile claiming it', [skola], '2024/2025', 'skola'],
    ['the same, second year of its list', [skola], '2025/2026', 'skola'],
    ['two claim it: the later choice (03-01 over 02-01)', [pilot, skola], '2025/2026', 'skola'],
    ['three claim it: 04-01 is the latest', [skola, later, pilot], '2025/2026', 'later'],
    ['chosen at the same moment: the greater id', [sameTimeB, sameTimeA], '2026/2027', 'b'],
    ['a deleted profile claims nothing', [gone], '2027/2028', 'pumpurs_2017'],
  ])('%s', (_, profiles, year, expected) => {
    expect(profileForSchoolYear(profiles, year).id).toBe(expected);
  });
});

describe("a plan's own profile", () => {
  it.each([
    ['no profileId (a plan made before profiles were kept)', undefined, 'pumpurs_2017'],
    ['the built-in id', 'pumpurs_2017', 'pumpurs_2017'],
    ['a stored id', 'skola', 'skola'],
    ['an id not known here', 'elsewhere', undefined],
    ['a deleted profile', 'gone', undefined],
  ])('%s', (_, id, expected) => {
    expect(profileById([skola, gone], id)?.id).toBe(expected);
  });
});

describe('an edited copy', () => {
  it('starts as the source with a new id and title, no years chosen, and is a valid stored profile', () => {
    const copy = copyOfProfile(pumpurs2017, { id: 'c1', title: 'Skola–kopiena', now: at('01-10'), by: 'admin' });
    expect(copy).toMatchObject({ id: 'c1', title: 'Skola–kopiena', basedOn: 'pumpurs_2017', schoolYears: [] });
    expect(copy.compensations).toEqual(pumpurs2017.compensations);
    expect(copy.compensations).not.toBe(pumpurs2017.compensations);
    expect(storedProfileSchema.safeParse(copy).error).toBeUndefined();
  });

  it.each([
    ['a risk outside its group', { riskGroups: [{ code: 'family', items: ['other.marriage'] }] }],
    ['a risk listed twice', { riskGroups: [{ code: 'other', items: ['other.marriage', 'other.marriage'] }] }],
    ['youth projects of 18 to 3 months', { youthProject: { grantCents: 460_000, minMonths: 18, maxMonths: 3 } }],
    ['a school year not consecutive', { schoolYears: ['2024/2026'] }],
    ['no title', { title: ' ' }],
  ])('refuses %s', (_, change) => {
    expect(storedProfileSchema.safeParse({ ...stored('x', []), ...change }).success).toBe(false);
  });

  it.each([
    ['a group with none added', [], 'other.added_1'],
    ['after added_1', ['other.added_1'], 'other.added_2'],
    ['a gap is filled first', ['other.added_2'], 'other.added_1'],
  ])('numbers an added risk: %s', (_, items, expected) => {
    expect(nextRiskCode({ riskGroups: [{ code: 'other', items: ['other.pregnancy', ...items] }] }, 'other')).toBe(
      expected,
    );
  });
});
