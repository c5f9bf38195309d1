import { describe, expect, it } from 'vitest';
import type { Attendance, Consultation } from '../activity';
import { isTimesheetMonth, timesheetOfMonth } from './timesheet';

let n = 0;
const session = (
  date: string,
  startTime: string,
  minutes: number,
  attendance: Attendance[],
  more: Partial<Consultation> = {},
): Consultation => ({
  id: `c${String(++n).padStart(2, '0')}`,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  schoolId: 's1',
  staffId: 't1',
  staffRole: 'subject_teacher',
  subject: 'maths',
  planId: '',
  date,
  startTime,
  minutes,
  mode: 'in_person',
  attendees: attendance.map((a, i) => ({ learnerId: `l${i + 1}`, attendance: a })),
  notes: '',
  ...more,
});

const log = [
  session('2026-11-25', '14:00', 40, ['attended', 'absent_unexcused', 'attended']), // group: once, l1 and l3
  session('2026-11-24', '', 40, ['attended']), // no time: after the day's timed ones
  session('2026-11-24', '09:30', 45, ['absent_excused', 'attended'], { staffRole: 'psychologist', subject: undefined }),
  session('2026-11-25', '10:00', 60, ['absent_unexcused']), // nobody came: not paid
  session('2026-11-26', '12:00', 40, ['cancelled']), // cancelled: not paid
  session('2026-10-31', '08:00', 40, ['attended']), // the month before
  session('2026-12-01', '08:00', 40, ['attended']), // the month after
  session('2026-11-27', '08:00', 30, ['attended'], { staffId: 't2' }), // someone else
];

describe('a staff member’s monthly timesheet', () => {
  const sheet = timesheetOfMonth(log, 't1', '2026-11');

  it('lists the held sessions of the month, oldest first and timed before untimed', () => {
    expect(sheet.entries.map((e) => [e.date, e.startTime, e.activity, e.minutes, e.learnerIds])).toEqual([
      ['2026-11-24', '09:30', 'psychologist', 45, ['l2']],
      ['2026-11-24', '', 'maths', 40, ['l1']],
      ['2026-11-25', '14:00', 'maths', 40, ['l1', 'l3']],
    ]);
  });

  it('totals per day and for the month: a group session is counted once', () => {
    expect(sheet.days).toEqual([
      { date: '2026-11-24', sessions: 2, minutes: 85 },
      { date: '2026-11-25', sessions: 1, minutes: 40 },
    ]);
    expect([sheet.sessions, sheet.minutes, sheet.learners]).toEqual([3, 125, 3]);
  });

  it.each([
    ['2026-10', 1, 40],
    ['2026-12', 1, 40],
    ['2026-09', 0, 0],
  ])('another month, %s: %i sessions, %i minutes', (month, sessions, minutes) => {
    const other = timesheetOfMonth(log, 't1', month);
    expect([other.sessions, other.minutes]).toEqual([sessions, minutes]);
  });

  it('keeps to its month’s real last day (February of a leap year)', () => {
    const feb = [session('2028-02-29', '10:00', 40, ['attended']), session('2028-03-01', '10:00', 40, ['attended'])];
    expect(timesheetOfMonth(feb, 't1', '2028-02').entries.map((e) => e.date)).toEqual(['2028-02-29']);
  });

  it.each([
    ['2026-11', true],
    ['2026-13', false],
    ['2026-1', false],
    ['november', false],
    [undefined, false],
  ])('takes %s as a month: %s', (value, ok) => {
    expect(isTimesheetMonth(value)).toBe(ok);
  });
});
