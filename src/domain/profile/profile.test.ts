import { describe, expect, it } from 'vitest';
import { programmeProfileSchema, profileLabelKeys } from './programmeProfile';
import { defaultProfile, profiles, pumpurs2017 } from './pumpurs2017';

describe('the PuMPuRS 2017–2023 profile', () => {
  it('is a valid profile', () => {
    expect(programmeProfileSchema.safeParse(pumpurs2017).error).toBeUndefined();
    expect(profiles[pumpurs2017.id]).toBe(pumpurs2017);
    expect(defaultProfile).toBe(pumpurs2017);
  });

  it('has unique codes, and every risk item belongs to its group', () => {
    const keys = profileLabelKeys(pumpurs2017);
    expect(new Set(keys).size).toBe(keys.length);
    for (const group of pumpurs2017.riskGroups) {
      for (const item of group.items) expect(item.startsWith(`${group.code}.`), item).toBe(true);
    }
  });

  it('keeps the four groups of the risk grid, learning difficulties first', () => {
    expect(pumpurs2017.riskGroups.map((g) => g.code).slice(0, 4)).toEqual([
      'learning',
      'personality',
      'family',
      'economic',
    ]);
    expect(pumpurs2017.riskGroups[0]?.items[0]).toBe('learning.difficulty_mastering');
  });

  it('names the two risks of the Liepāja sources (seed 002): marriage and negative peer influence', () => {
    const other = pumpurs2017.riskGroups.find((g) => g.code === 'other')?.items ?? [];
    expect(other).toContain('other.marriage');
    expect(other).toContain('other.negative_peer_influence');
    expect(pumpurs2017.riskGroups.flatMap((g) => g.items)).toHaveLength(23);
  });

  it.each([
    ['intercity_transport', 3000, 'month'],
    ['accommodation', 3500, 'month'],
    ['meals', 7000, 'month'],
    ['personal_items', 2500, 'semester'],
    ['special_transport', 3000, 'month'],
  ])('caps %s at %i cents a %s', (code, capCents, period) => {
    expect(pumpurs2017.compensations.find((c) => c.code === code)).toMatchObject({ capCents, period });
  });

  it('offers individual learning materials to vocational learners only', () => {
    expect(pumpurs2017.compensations.find((c) => c.code === 'learning_materials')).toMatchObject({
      vocationalOnly: true,
    });
  });

  it.each([
    ['a negative cap', { compensations: [{ code: 'meals', capCents: -1, period: 'month' }] }],
    ['an unknown measure kind', { measureKinds: ['lottery'] }],
    ['a target above 100%', { deliveredTarget: 1.5 }],
    ['a code with spaces', { subjects: ['latvian language'] }],
  ])('refuses a profile with %s', (_, change) => {
    expect(programmeProfileSchema.safeParse({ ...pumpurs2017, ...change }).success).toBe(false);
  });
});
