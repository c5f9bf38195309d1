import { describe, expect, it } from 'vitest';
import { daysBefore, localDate, monthsOf, nextSemester, previousSemester, sameSemester, semesterOf } from './calendar';

describe('school calendar', () => {
  it.each([
    ['2026-09-01', '2026/2027', 1],
    ['2026-12-31', '2026/2027', 1],
    ['2027-01-04', '2026/2027', 2],
    ['2027-05-31', '2026/2027', 2],
    ['2027-08-31', '2026/2027', 2],
    ['2026-11', '2026/2027', 1],
    ['2027-02', '2026/2027', 2],
  ])('%s falls in %s semester %i', (date, schoolYear, semester) => {
    expect(semesterOf(date)).toEqual({ schoolYear, semester });
  });

  it.each([
    [{ schoolYear: '2026/2027', semester: 1 as const }, ['2026-09', '2026-10', '2026-11', '2026-12']],
    [
      { schoolYear: '2026/2027', semester: 2 as const },
      ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08'],
    ],
  ])('lists the months of %o', (semester, months) => {
    expect(monthsOf(semester)).toEqual(months);
  });

  it.each([
    [
      { schoolYear: '2026/2027', semester: 1 as const },
      { schoolYear: '2025/2026', semester: 2 as const },
    ],
    [
      { schoolYear: '2026/2027', semester: 2 as const },
      { schoolYear: '2026/2027', semester: 1 as const },
    ],
  ])('steps back from %o to %o and forward again', (from, back) => {
    expect(previousSemester(from)).toEqual(back);
    expect(nextSemester(back)).toEqual(from);
  });

  it('compares semesters by year and number', () => {
    expect(sameSemester(semesterOf('2026-10-01'), { schoolYear: '2026/2027', semester: 1 })).toBe(true);
    expect(sameSemester(semesterOf('2027-10-01'), { schoolYear: '2026/2027', semester: 1 })).toBe(false);
  });
});

describe('calendar dates', () => {
  it('takes the local date of a moment', () => {
    expect(localDate(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
    expect(localDate(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });

  it.each([
    ['2026-11-25', 1, '2026-11-24'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2027-01-02', 14, '2026-12-19'],
  ])('%s minus %i days is %s', (date, days, expected) => {
    expect(daysBefore(date, days)).toBe(expected);
  });
});
