import { describe, expect, it } from 'vitest';
import { profileOfPlans, unionOfProfiles } from './profileUnion';
import { pumpurs2017 } from './pumpurs2017';
import { copyOfProfile, type StoredProfile } from './storedProfile';

// "Skola–kopiena": PuMPuRS without compensations' special transport, one risk added to "other", one subject added.
const base = copyOfProfile(pumpurs2017, { id: 'sk', title: 'Skola–kopiena', now: '2026-12-01T08:00:00.000Z', by: 'a' });
const successor: StoredProfile = {
  ...base,
  riskGroups: base.riskGroups.map((g) => (g.code === 'other' ? { ...g, items: [...g.items, 'other.added_1'] } : g)),
  subjects: [...base.subjects, 'music'],
  compensations: base.compensations.filter((c) => c.code !== 'special_transport'),
  deliveredTarget: 0.8,
  riskLabels: [{ code: 'other.added_1', text: 'Kiberhuligānisms' }],
};
const other = (p: { riskGroups: { code: string; items: string[] }[] }) =>
  p.riskGroups.find((g) => g.code === 'other')?.items ?? [];

describe('the union of the profiles of a list of plans', () => {
  it('of one profile is that profile; of none, nothing', () => {
    expect(unionOfProfiles([pumpurs2017])).toBe(pumpurs2017);
    expect(unionOfProfiles([])).toBeUndefined();
  });

  it('holds both profiles’ risks: PuMPuRS’s 6 "other" signs and the successor’s added one, 7 in all', () => {
    const union = unionOfProfiles([pumpurs2017, successor]);
    expect(other(union!)).toHaveLength(7);
    expect(other(union!).at(-1)).toBe('other.added_1');
    expect(union!.riskGroups.flatMap((g) => g.items)).toHaveLength(24); // 23 of PuMPuRS + 1
    expect(union!.subjects).toContain('music');
    expect((union as StoredProfile).riskLabels).toEqual([{ code: 'other.added_1', text: 'Kiberhuligānisms' }]);
  });

  it('keeps the first profile’s numbers and every compensation category of either', () => {
    const union = unionOfProfiles([successor, pumpurs2017])!;
    expect(union.deliveredTarget).toBe(0.8);
    expect(union.compensations.map((c) => c.code)).toContain('special_transport');
    expect(union.compensations).toHaveLength(6);
  });
});

describe('the profile a list of plans is shown under', () => {
  const year = { ...pumpurs2017, id: 'year' };
  it.each([
    { plans: [], expected: 'year' },
    { plans: [{}], expected: 'pumpurs_2017' },
    { plans: [{ profileId: 'sk' }, { profileId: 'sk' }], expected: 'sk' },
    { plans: [{ profileId: 'unknown' }], expected: 'year' },
  ])('$plans → $expected', ({ plans, expected }) => {
    expect(profileOfPlans(plans, [successor], year).id).toBe(expected);
  });

  it('of a PuMPuRS plan and a successor plan names the successor’s added risk', () => {
    expect(other(profileOfPlans([{}, { profileId: 'sk' }], [successor], year))).toContain('other.added_1');
  });
});

describe('the numbers of the profile a mixed list of plans is shown under', () => {
  const year = pumpurs2017;
  it.each([
    { order: 'PuMPuRS plan first', plans: [{}, { profileId: 'sk' }] },
    { order: 'successor plan first', plans: [{ profileId: 'sk' }, {}] },
  ])('are the school year’s profile’s (target 0.9) with the $order', ({ plans }) => {
    expect(profileOfPlans(plans, [successor], year).deliveredTarget).toBe(0.9);
  });

  it('are the first profile’s by id when no plan is under the school year’s', () => {
    const other = { ...successor, id: 'a-first', deliveredTarget: 0.7 };
    const plans = [{ profileId: 'sk' }, { profileId: 'a-first' }];
    expect(profileOfPlans(plans, [successor, other], year).deliveredTarget).toBe(0.7);
    expect(profileOfPlans([...plans].reverse(), [successor, other], year).deliveredTarget).toBe(0.7);
  });
});
