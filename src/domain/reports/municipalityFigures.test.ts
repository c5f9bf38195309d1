import { describe, expect, it } from 'vitest';
import { compensation, consultation, plan, user } from '../../../test/fixtures/reports/builders';
import type { ReportInput } from './scope';
import { municipalityFigures } from './semesterFigures';

const S1 = { schoolYear: '2020/2021', semester: 1 } as const;
const schools = [
  { id: 'raina', municipalityId: 'liepaja' },
  { id: 'liedaga', municipalityId: 'liepaja' },
  { id: 'quiet', municipalityId: 'liepaja' },
  { id: 'elsewhere', municipalityId: 'grobina' },
];

/**
 * Two Liepāja schools with work in them, one with none, and one school of another municipality. Learner "mover"
 * changed school mid-semester (a plan in each); teacher "andris" consults in both schools.
 */
const input: ReportInput = {
  learners: [],
  plans: [
    plan('r1', 'anna', { schoolId: 'raina' }),
    plan('r2', 'mover', { schoolId: 'raina' }),
    plan('l1', 'mover', { schoolId: 'liedaga' }),
    plan('l2', 'janis', { schoolId: 'liedaga' }),
    plan('e1', 'other', { schoolId: 'elsewhere' }),
  ],
  consultations: [
    consultation('rc1', { anna: 'attended' }, { schoolId: 'raina', staffId: 'andris' }),
    consultation('rc2', { mover: 'attended' }, { schoolId: 'raina', staffId: 'ilze' }),
    consultation('lc1', { mover: 'attended' }, { schoolId: 'liedaga', staffId: 'andris', minutes: 60 }),
    consultation('ec1', { other: 'attended' }, { schoolId: 'elsewhere', staffId: 'x' }),
  ],
  compensations: [
    compensation('rk1', 'anna', 2500, { schoolId: 'raina' }),
    compensation('lk1', 'janis', 1800, { schoolId: 'liedaga', status: 'approved' }),
    compensation('ek1', 'other', 9900, { schoolId: 'elsewhere' }),
  ],
  users: [user('andris', ['teacher']), user('ilze', ['teacher'])],
};

describe('a municipality report', () => {
  const report = municipalityFigures(input, S1, 'liepaja', schools);
  const [raina, liedaga, quiet] = report.schools.map((s) => s.figures);

  it('lists each of its schools, those with nothing in them too, and no other municipality’s', () => {
    expect(report.schools.map((s) => s.schoolId)).toEqual(['raina', 'liedaga', 'quiet']);
    expect(raina?.plans.made.ids).toEqual(['r1', 'r2']);
    expect(liedaga?.plans.made.ids).toEqual(['l1', 'l2']);
    expect(quiet?.plans.made.count).toBe(0);
    expect(report.total.plans.made.ids).not.toContain('e1');
    expect(report.total.compensations.total.paid.ids).not.toContain('ek1');
  });

  it('totals records as the sum of its schools', () => {
    expect(report.total.plans.made.count).toBe(4);
    expect(report.total.sessions.held.count).toBe(3);
    expect(report.total.staff.directMinutes).toBe(40 + 40 + 60);
    expect(report.total.compensations.total.paid.cents).toBe(2500);
    expect(report.total.compensations.total.stillOwed.cents).toBe(1800);
    expect(report.total.compensations.total.approved.cents).toBe(2500 + 1800);
  });

  it('counts a person once in the total, though they count in two schools', () => {
    expect(raina?.plans.learnersWithPlans.ids).toEqual(['anna', 'mover']);
    expect(liedaga?.plans.learnersWithPlans.ids).toEqual(['janis', 'mover']);
    expect(report.total.plans.learnersWithPlans.ids).toEqual(['anna', 'janis', 'mover']);
    expect(report.total.support.learnersSupported.count).toBe(3);
    expect(raina?.staff.takingPart.count).toBe(2);
    expect(liedaga?.staff.takingPart.count).toBe(1);
    expect(report.total.staff.takingPart.ids).toEqual(['andris', 'ilze']);
  });
});
