import { describe, expect, it } from 'vitest';
import { compensationChangeAllowed } from './compensationStatus';

const record = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  schoolId: 's1',
  learnerId: 'l1',
  category: 'meals',
  month: '2026-11',
  amountCents: 4000,
  status,
  note: '',
  _deleted: false,
  ...extra,
});

/** Written from the rule in words: requested → approved → paid, never back; what was approved stays; paid stays. */
describe('a compensation moves one way', () => {
  it.each<[string, Record<string, unknown> | null, Record<string, unknown>, boolean]>([
    ['created as requested', null, record('requested'), true],
    ['created as paid (entered after the fact)', null, record('paid'), true],
    ['requested → approved', record('requested'), record('approved'), true],
    ['approved → paid', record('approved'), record('paid'), true],
    ['requested → paid', record('requested'), record('paid'), true],
    ['approved → requested (a correction)', record('approved'), record('requested'), false],
    ['paid → approved', record('paid'), record('approved'), false],
    ['paid → requested', record('paid'), record('requested'), false],
    ['a requested amount corrected', record('requested'), record('requested', { amountCents: 3000 }), true],
    ['an approved amount changed', record('approved'), record('approved', { amountCents: 7000 }), false],
    ['approved moved to another month', record('approved'), record('approved', { month: '2026-12' }), false],
    ['paid moved to another learner', record('paid'), record('paid', { learnerId: 'l2' }), false],
    ['paid, a note added', record('paid'), record('paid', { note: 'kvīts nr. 12' }), true],
    ['an approved request withdrawn (deleted)', record('approved'), record('approved', { _deleted: true }), true],
    ['a paid record deleted', record('paid'), record('paid', { _deleted: true }), false],
    ['a deleted record brought back as requested', record('paid', { _deleted: true }), record('requested'), true],
  ])('%s: %s', (_case, previous, next, allowed) => {
    expect(compensationChangeAllowed(previous, next)).toBe(allowed);
  });
});
