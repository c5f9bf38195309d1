import { describe, expect, it } from 'vitest';
import { profileInUseProblem, profileUseOf } from './profileInUse';
import { pumpurs2017 } from './pumpurs2017';
import { copyOfProfile } from './storedProfile';

const profile = copyOfProfile(pumpurs2017, {
  id: 'sk',
  title: 'Skola–kopiena',
  now: '2026-12-01T08:00:00.000Z',
  by: 'a',
});
// One plan: the risk "negative peer influence", a maths consultation and a meals compensation.
const use = profileUseOf([
  {
    risks: [{ id: 'r1', code: 'other.negative_peer_influence', note: '' }],
    measures: [
      { id: 'm1', kind: 'subject_consultation', riskIds: ['r1'], justification: '', subject: 'maths' },
      { id: 'm2', kind: 'compensation', riskIds: ['r1'], justification: '', compensationCategory: 'meals' },
    ],
  },
]);
const without = (group: string, item: string) => ({
  ...profile,
  riskGroups: profile.riskGroups.map((g) =>
    g.code === group ? { ...g, items: g.items.filter((i) => i !== item) } : g,
  ),
});

describe('an edit of a profile plans were made under', () => {
  it.each([
    { change: 'nothing', next: profile, expected: null },
    { change: 'a lower delivered target', next: { ...profile, deliveredTarget: 0.8 }, expected: null },
    { change: 'an unused risk removed', next: without('other', 'other.marriage'), expected: null },
    {
      change: 'the used risk removed',
      next: without('other', 'other.negative_peer_influence'),
      expected: 'profile.usedByPlans',
    },
    {
      change: 'compensations removed as a measure kind',
      next: { ...profile, measureKinds: ['subject_consultation', 'specialist_consultation'] as const },
      expected: 'profile.usedByPlans',
    },
    { change: 'maths removed', next: { ...profile, subjects: ['latvian'] }, expected: 'profile.usedByPlans' },
    {
      change: 'unused physics removed',
      next: { ...profile, subjects: profile.subjects.filter((s) => s !== 'physics') },
      expected: null,
    },
    {
      change: 'the meals category removed',
      next: { ...profile, compensations: profile.compensations.filter((c) => c.code !== 'meals') },
      expected: 'profile.usedByPlans',
    },
    { change: 'deleted', next: null, expected: 'profile.usedByPlans' },
  ])('$change → $expected', ({ next, expected }) => {
    expect(profileInUseProblem(next && { ...next, measureKinds: [...next.measureKinds] }, use)).toBe(expected);
  });

  it('of a profile no plan uses may remove anything, or delete it', () => {
    expect(profileInUseProblem(null, profileUseOf([]))).toBeNull();
    expect(profileInUseProblem({ ...profile, subjects: [] }, profileUseOf([]))).toBeNull();
  });
});
