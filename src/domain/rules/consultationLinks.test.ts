import { describe, expect, it } from 'vitest';
import type { Measure, SupportPlan } from '../plan';
import { measureFor, plansOfStaff } from './consultationLinks';

const measure = (id: string, extra: Partial<Measure>): Measure => ({
  id,
  kind: 'subject_consultation',
  riskIds: ['r'],
  justification: 'x',
  ...extra,
});
const plan = (id: string, learnerId: string, status: SupportPlan['status'], measures: Measure[]): SupportPlan => ({
  id,
  learnerId,
  status,
  measures,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['p'],
  risks: [{ id: 'r', code: 'learning.low_achievement', note: '' }],
  history: [],
});

const plans = [
  plan('p1', 'l1', 'in_progress', [measure('m-maths', { subject: 'maths' })]),
  plan('p2', 'l2', 'approved', [measure('m-psy', { kind: 'specialist_consultation', specialistRole: 'psychologist' })]),
  plan('p3', 'l3', 'draft', [measure('m-maths3', { subject: 'maths' })]),
  plan('p4', 'l4', 'in_progress', [measure('m-named', { subject: 'maths', staffId: 'someone-else' })]),
  plan('p5', 'l5', 'suspended', [measure('m-maths5', { subject: 'maths' })]),
];

describe('whose learners', () => {
  it.each([
    ['a maths teacher', { userId: 't', subjects: ['maths'], specialistRoles: [] }, ['p1']],
    ['a psychologist', { userId: 'psy', subjects: [], specialistRoles: ['psychologist'] }, ['p2']],
    ['the teacher a measure names', { userId: 'someone-else', subjects: [], specialistRoles: [] }, ['p4']],
    ['a teacher of another subject', { userId: 't2', subjects: ['latvian'], specialistRoles: [] }, []],
  ])('%s works on %j', (_case, staff, ids) => {
    expect(plansOfStaff(plans, staff).map((p) => p.id)).toEqual(ids);
  });

  it.each([
    ['maths with l1', 'l1', { staffRole: 'subject_teacher', subject: 'maths' }, { planId: 'p1', measureId: 'm-maths' }],
    ['latvian with l1', 'l1', { staffRole: 'subject_teacher', subject: 'latvian' }, null],
    ['the psychologist with l2', 'l2', { staffRole: 'psychologist' }, { planId: 'p2', measureId: 'm-psy' }],
    ['maths with a learner whose plan is a draft', 'l3', { staffRole: 'subject_teacher', subject: 'maths' }, null],
  ])('links %s', (_case, learnerId, consultation, expected) => {
    expect(measureFor(plans, learnerId, consultation)).toEqual(expected);
  });
});
