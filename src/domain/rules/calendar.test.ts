import { describe, expect, it } from 'vitest';
import { monthsOf, nextSemester, previousSemester, sameSemester, semesterOf } from './calendar';

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
