import { describe, expect, it } from 'vitest';
import type { Compensation } from '../activity';
import { pumpurs2017 } from '../profile/pumpurs2017';
import { checkCompensation, checkPlannedCompensation, nextCompensationStatus } from './compensationCaps';

let n = 0;
const recorded = (category: string, month: string, amountCents: number, learnerId = 'l1'): Compensation => ({
  id: `c${++n}`,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  schoolId: 's1',
  learnerId,
  planId: '',
  category,
  month,
  amountCents,
  status: 'requested',
  note: '',
});

describe('compensation caps (PuMPuRS 2017)', () => {
  const meals = [
    recorded('meals', '2026-11', 4000),
    recorded('meals', '2026-10', 7000),
    recorded('meals', '2026-11', 9000, 'l2'),
  ];
  const items = [recorded('personal_items', '2026-09', 2000)];

  it.each([
    ['meals up to 70 € in a month', 'meals', '2026-11', 3000, 'general', meals, null],
    [
      'meals over 70 € in a month',
      'meals',
      '2026-11',
      3001,
      'general',
      meals,
      { code: 'overCap', capCents: 7000, alreadyCents: 4000, period: 'month' },
    ],
    ['meals of another month', 'meals', '2026-12', 7000, 'general', meals, null],
    [
      'a single amount over the cap',
      'intercity_transport',
      '2026-11',
      3050,
      'general',
      [],
      { code: 'overCap', capCents: 3000, alreadyCents: 0, period: 'month' },
    ],
    ['accommodation at the cap', 'accommodation', '2026-11', 3500, 'general', [], null],
    [
      'personal items over 25 € in a semester',
      'personal_items',
      '2026-12',
      600,
      'general',
      items,
      { code: 'overCap', capCents: 2500, alreadyCents: 2000, period: 'semester' },
    ],
    ['personal items in the next semester', 'personal_items', '2027-01', 2500, 'general', items, null],
    ['learning materials for a vocational learner', 'learning_materials', '2026-11', 15000, 'vocational', [], null],
    [
      'learning materials for a general learner',
      'learning_materials',
      '2026-11',
      100,
      'general',
      [],
      { code: 'vocationalOnly' },
    ],
    ['an unknown category', 'pocket_money', '2026-11', 100, 'general', [], { code: 'unknownCategory' }],
  ] as const)('%s', (_case, category, month, amountCents, programme, existing, expected) => {
    expect(
      checkCompensation(pumpurs2017, { learnerId: 'l1', category, month, amountCents }, programme, existing),
    ).toEqual(expected);
  });

  it('does not count the record being edited twice', () => {
    const own = recorded('meals', '2026-11', 6000);
    expect(
      checkCompensation(
        pumpurs2017,
        { id: own.id, learnerId: 'l1', category: 'meals', month: '2026-11', amountCents: 7000 },
        'general',
        [own],
      ),
    ).toBeNull();
  });

  it.each([
    ['meals within the cap', 'meals', 7000, 'general', null],
    [
      'meals over the cap',
      'meals',
      7100,
      'general',
      { code: 'overCap', capCents: 7000, alreadyCents: 0, period: 'month' },
    ],
    ['learning materials for a general learner', 'learning_materials', 1000, 'general', { code: 'vocationalOnly' }],
    ['no category', undefined, 1000, 'general', { code: 'unknownCategory' }],
  ] as const)('plans %s', (_case, category, cents, programme, expected) => {
    expect(checkPlannedCompensation(pumpurs2017, category, cents, programme)).toEqual(expected);
  });
});

describe('compensation status', () => {
  it.each([
    ['requested', 'approved'],
    ['approved', 'paid'],
    ['paid', null],
  ] as const)('%s is followed by %s', (status, next) => {
    expect(nextCompensationStatus(status)).toBe(next);
  });
});
