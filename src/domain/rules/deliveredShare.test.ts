import { describe, expect, it } from 'vitest';
import type { Attendance, Compensation, Consultation } from '../activity';
import type { Measure, SupportPlan } from '../plan';
import { pumpurs2017 } from '../profile/pumpurs2017';
import { planProgress, plannedSessions, progressOfPlans } from './deliveredShare';

const base = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };
const maths: Measure = {
  id: 'math',
  kind: 'subject_consultation',
  riskIds: ['r1'],
  justification: 'x',
  subject: 'mathematics',
  plannedSessions: 10,
};
const psych: Measure = {
  id: 'psy',
  kind: 'specialist_consultation',
  riskIds: ['r1'],
  justification: 'x',
  specialistRole: 'psychologist',
  plannedSessions: 4,
};
const meals: Measure = {
  id: 'meals',
  kind: 'compensation',
  riskIds: ['r1'],
  justification: 'x',
  compensationCategory: 'meals',
  plannedMonthlyCents: 5000,
};

const plan: SupportPlan = {
  ...base,
  id: 'p1',
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['t1'],
  status: 'in_progress',
  risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
  measures: [maths, psych, meals],
  history: [],
};

let n = 0;
const session = (attendance: Attendance, link: Partial<Consultation> = {}, learnerId = 'l1'): Consultation => ({
  ...base,
  id: `c${++n}`,
  schoolId: 's1',
  staffId: 't1',
  staffRole: 'subject_teacher',
  subject: 'mathematics',
  planId: 'p1',
  measureId: 'math',
  date: '2026-10-01',
  startTime: '',
  minutes: 40,
  mode: 'in_person',
  attendees: [{ learnerId, attendance }],
  notes: '',
  ...link,
});
const paid = (amountCents: number, status: Compensation['status'] = 'paid', category = 'meals'): Compensation => ({
  ...base,
  id: `k${++n}`,
  schoolId: 's1',
  learnerId: 'l1',
  planId: 'p1',
  category,
  month: '2026-10',
  amountCents,
  status,
  note: '',
});

describe('delivered share of a plan', () => {
  it.each<[string, Consultation[], number | null, boolean]>([
    ['nothing held yet', [], 0, false],
    [
      '9 of 10 maths and 4 of 4 psychologist: 13 of 14',
      [
        ...Array.from({ length: 9 }, () => session('attended')),
        ...Array.from({ length: 4 }, () =>
          session('attended', { measureId: 'psy', staffRole: 'psychologist', subject: undefined }),
        ),
      ],
      13 / 14,
      true,
    ],
    [
      'absences and cancellations do not count',
      [session('attended'), session('absent_excused'), session('absent_unexcused'), session('cancelled')],
      1 / 14,
      false,
    ],
    ['another learner’s attendance does not count', [session('attended', {}, 'l2')], 0, false],
    ['a session of another plan does not count', [session('attended', { planId: 'p2' })], 0, false],
    [
      'a group session linked to no plan counts by its subject, in the plan’s semester',
      [
        session('attended', { planId: '', measureId: undefined }),
        session('attended', { planId: '', measureId: undefined, date: '2027-02-01' }),
      ],
      1 / 14,
      false,
    ],
    [
      'a session linked to the plan only counts by its subject',
      [session('attended', { measureId: undefined })],
      1 / 14,
      false,
    ],
    [
      'extra maths does not make up for missing psychologist sessions',
      Array.from({ length: 14 }, () => session('attended')),
      10 / 14,
      false,
    ],
  ])('%s', (_case, consultations, share, meets) => {
    const progress = planProgress(plan, consultations, [], pumpurs2017);
    expect(progress.share).toBeCloseTo(share ?? 0, 10);
    expect(progress.meetsTarget).toBe(meets);
  });

  it('counts approved and paid compensations against the plan for the semester', () => {
    const progress = planProgress(
      plan,
      [],
      [paid(5000), paid(4000, 'approved'), paid(5000, 'requested'), paid(100, 'paid', 'transport')],
      pumpurs2017,
    );
    expect(progress.measures.find((m) => m.measureId === 'meals')).toEqual({
      measureId: 'meals',
      kind: 'compensation',
      planned: 5000 * 4,
      delivered: 9000,
      share: 9000 / 20000,
    });
  });

  it('has no share when nothing countable was planned', () => {
    expect(planProgress({ ...plan, measures: [meals] }, [], [], pumpurs2017).share).toBeNull();
  });

  it.each([
    [{ plannedSessions: 6 }, 6],
    [{ plannedHoursPerMonth: 2 }, 12], // 2 h × 4 months × 60 / 40 min
    [{}, 0],
  ])('plans %o as %i sessions', (planned, sessions) => {
    const { plannedSessions: _omit, ...rest } = maths;
    expect(plannedSessions({ ...rest, ...planned }, plan, pumpurs2017)).toBe(sessions);
  });
});

describe('progress of many plans at once', () => {
  const other: SupportPlan = { ...plan, id: 'p2', learnerId: 'l2', measures: [maths] };
  const log = [
    session('attended'),
    session('attended'),
    session('absent_unexcused'),
    session('attended', {}, 'l2'),
    session('attended', {
      attendees: [
        { learnerId: 'l1', attendance: 'attended' },
        { learnerId: 'l2', attendance: 'attended' },
      ],
    }),
    session('cancelled', {}, 'l2'),
  ];
  const money = [paid(3000), paid(2000, 'requested'), { ...paid(5000), planId: 'p2' }];

  it('gives each plan exactly what planProgress gives it alone', () => {
    const all = progressOfPlans([plan, other], log, money, pumpurs2017);
    expect(all.get('p1')).toEqual(planProgress(plan, log, money, pumpurs2017));
    expect(all.get('p2')).toEqual(planProgress(other, log, money, pumpurs2017));
    expect(all.get('p1')?.share).not.toBe(all.get('p2')?.share);
  });

  it('judges each plan by its own profile when given one per plan (a successor’s lower target)', () => {
    const lenient = { ...pumpurs2017, id: 'sk', deliveredTarget: 0 };
    const all = progressOfPlans([plan, { ...other, profileId: 'sk' }], log, money, (p) =>
      p.profileId === 'sk' ? lenient : pumpurs2017,
    );
    expect(all.get('p1')).toEqual(planProgress(plan, log, money, pumpurs2017));
    // Any share meets a target of 0; under PuMPuRS's 90 % this plan's share does not.
    expect(all.get('p2')?.meetsTarget).toBe(true);
    expect(planProgress(other, log, money, pumpurs2017).meetsTarget).toBe(false);
  });

  it('has an entry for a plan with nothing logged', () => {
    expect(progressOfPlans([plan], [], [], pumpurs2017).get('p1')?.share).toBe(0);
  });
});
