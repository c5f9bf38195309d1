import { describe, expect, it } from 'vitest';
import { compensation, consultation, plan } from '../../../test/fixtures/reports/builders';
import type { ReportInput } from './scope';
import { learnersSinceStart, trendFigures } from './trendFigures';

const input: ReportInput = {
  learners: [],
  plans: [
    plan('a1', 'anna', { schoolYear: '2019/2020', semester: 1 }),
    plan('a2', 'anna', { schoolYear: '2019/2020', semester: 2 }),
    plan('a3', 'anna', { schoolYear: '2020/2021', semester: 1 }),
    plan('d1', 'draft', { schoolYear: '2019/2020', semester: 1, status: 'draft' }),
    plan('later', 'later', { schoolYear: '2021/2022', semester: 1 }),
  ],
  // Janis had no plan, but a consultation in 2019/20 semester 2 and a paid compensation in 2020/21 semester 1.
  consultations: [consultation('c1', { janis: 'attended', absent: 'absent_unexcused' }, { date: '2020-03-02' })],
  compensations: [
    compensation('k1', 'janis', 1000, { month: '2020-10' }),
    compensation('k2', 'asked', 1000, { month: '2020-10', status: 'requested' }),
  ],
  users: [],
};

describe('figures over time', () => {
  it('puts the semesters side by side, oldest first', () => {
    const trend = trendFigures(input, [
      { schoolYear: '2020/2021', semester: 1 },
      { schoolYear: '2019/2020', semester: 1 },
      { schoolYear: '2019/2020', semester: 2 },
    ]);
    expect(trend.map((f) => `${f.semester.schoolYear}-${f.semester.semester}`)).toEqual([
      '2019/2020-1',
      '2019/2020-2',
      '2020/2021-1',
    ]);
    expect(trend.map((f) => f.plans.made.count)).toEqual([1, 1, 1]);
  });

  it('counts learners since the programme began, by how many semesters and since when', () => {
    const since = learnersSinceStart(input, { schoolYear: '2020/2021', semester: 1 });
    // Not the draft's learner, not the one only absent, not a request not yet approved, not a later semester's.
    expect(since.learners.ids).toEqual(['anna', 'janis']);
    expect(since.bySemesterCount[3]?.ids).toEqual(['anna']);
    expect(since.bySemesterCount[2]?.ids).toEqual(['janis']);
    expect(since.byFirstSemester['2019/2020-1']?.ids).toEqual(['anna']);
    expect(since.byFirstSemester['2019/2020-2']?.ids).toEqual(['janis']);
  });
});
