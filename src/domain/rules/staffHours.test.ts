import { describe, expect, it } from 'vitest';
import type { Attendance, Consultation } from '../activity';
import { noShowsByLearner, workedMinutes } from './staffHours';

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
