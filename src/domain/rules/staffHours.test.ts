import { describe, expect, it } from 'vitest';
import type { Attendance, Consultation } from '../activity';
import { hoursByStaff, noShowsByLearner, workedMinutes } from './staffHours';

let n = 0;
const session = (date: string, minutes: number, attendance: Attendance[]): Consultation => ({
  id: `c${++n}`,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  schoolId: 's1',
  staffId: 't1',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  date,
  startTime: '',
  minutes,
  mode: 'in_person',
  attendees: attendance.map((a, i) => ({ learnerId: `l${i + 1}`, attendance: a })),
  notes: '',
});

const log = [
  session('2026-11-24', 40, ['attended']),
  session('2026-11-25', 40, ['attended', 'absent_unexcused']),
  session('2026-11-25', 60, ['absent_unexcused']),
  session('2026-11-25', 40, ['cancelled']),
  session('2026-10-05', 45, ['absent_excused', 'attended']),
];

describe('worked time', () => {
  it.each([
    ['one day', '2026-11-25', '2026-11-25', 40],
    ['a month', '2026-11-01', '2026-11-30', 80],
    ['a semester', '2026-09-01', '2026-12-31', 125],
    ['nothing held', '2026-12-01', '2026-12-31', 0],
  ])('%s', (_case, from, to, minutes) => {
    expect(workedMinutes(log, from, to)).toBe(minutes);
  });

  it('counts unexcused absences per learner', () => {
    expect(Object.fromEntries(noShowsByLearner(log))).toEqual({ l1: 1, l2: 1 });
  });
});

describe('hours of every staff member, for whoever pays them', () => {
  const by = (staffId: string, staffRole: string, subject: string | undefined, c: Consultation): Consultation => ({
    ...c,
    staffId,
    staffRole,
    subject,
  });
  const school = [
    ...log,
    by('psy', 'psychologist', undefined, session('2026-11-20', 60, ['attended'])),
    by('psy', 'psychologist', undefined, session('2026-11-21', 45, ['absent_excused'])),
    by('t1', 'subject_teacher', 'latvian', session('2026-11-23', 40, ['attended', 'attended', 'attended'])),
  ];

  it.each<[string, string, string, { staffId: string; sessions: number; minutes: number; learners: number }[]]>([
    [
      'a month: held sessions only, a group session once, most hours first',
      '2026-11-01',
      '2026-11-30',
      [
        { staffId: 't1', sessions: 3, minutes: 120, learners: 3 },
        { staffId: 'psy', sessions: 1, minutes: 60, learners: 1 },
      ],
    ],
    [
      'a semester',
      '2026-09-01',
      '2026-12-31',
      [
        { staffId: 't1', sessions: 4, minutes: 165, learners: 3 },
        { staffId: 'psy', sessions: 1, minutes: 60, learners: 1 },
      ],
    ],
    ['a day with only absences and cancellations', '2026-11-21', '2026-11-21', []],
  ])('%s', (_case, from, to, expected) => {
    expect(
      hoursByStaff(school, from, to).map(({ staffId, sessions, minutes, learners }) => ({
        staffId,
        sessions,
        minutes,
        learners,
      })),
    ).toEqual(expected);
  });

  it('splits the minutes by subject or specialist role', () => {
    const [teacher, psychologist] = hoursByStaff(school, '2026-11-01', '2026-11-30');
    expect(teacher?.byActivity).toEqual({ maths: 80, latvian: 40 });
    expect(psychologist?.byActivity).toEqual({ psychologist: 60 });
  });

  it("agrees with the teacher's own count", () => {
    const own = school.filter((c) => c.staffId === 't1');
    expect(hoursByStaff(school, '2026-09-01', '2026-12-31')[0]?.minutes).toBe(
      workedMinutes(own, '2026-09-01', '2026-12-31'),
    );
  });
});
