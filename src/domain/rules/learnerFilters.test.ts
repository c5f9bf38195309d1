import { describe, expect, it } from 'vitest';
import type { SupportPlan } from '../plan';
import { pumpurs2017 } from '../profile/pumpurs2017';
import { currentPlans, matchesPlanFilter, NO_PLAN_FILTER, type PlanFilter } from './learnerFilters';

const plan = (overrides: Partial<SupportPlan> = {}): SupportPlan => ({
  id: 'p1',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['ilze'],
  status: 'in_progress',
  risks: [{ id: 'r1', code: 'family.parents_abroad', note: '' }],
  measures: [],
  history: [],
  ...overrides,
});

describe('learner list filters by plan', () => {
  it.each<[string, SupportPlan | undefined, Partial<PlanFilter>, boolean]>([
    ['no filter, no plan', undefined, {}, true],
    ['"without a plan" and none', undefined, { planStatus: 'none' }, true],
    ['"without a plan" and one', plan(), { planStatus: 'none' }, false],
    ['the status asked for', plan(), { planStatus: 'in_progress' }, true],
    ['another status', plan(), { planStatus: 'draft' }, false],
    ['a status asked for, no plan', undefined, { planStatus: 'draft' }, false],
    ['a risk of the family group', plan(), { riskGroup: 'family' }, true],
    ['no risk of the economic group', plan(), { riskGroup: 'economic' }, false],
    ['prepared by me', plan(), { preparedBy: 'ilze' }, true],
    ['prepared by someone else', plan(), { preparedBy: 'dace' }, false],
    ['every filter at once', plan(), { planStatus: 'in_progress', riskGroup: 'family', preparedBy: 'ilze' }, true],
  ])('%s', (_case, p, filter, expected) => {
    expect(matchesPlanFilter(p, { ...NO_PLAN_FILTER, ...filter }, pumpurs2017)).toBe(expected);
  });

  it('prefers an active plan to an inactive one of the same learner', () => {
    const plans = [
      plan({ id: 'old', status: 'inactive' }),
      plan({ id: 'new', status: 'draft' }),
      plan({ id: 'x', learnerId: 'l2' }),
    ];
    expect(currentPlans(plans).get('l1')?.id).toBe('new');
    expect(currentPlans(plans).get('l2')?.id).toBe('x');
  });
});
