import { describe, expect, it } from 'vitest';
import {
  daysBefore,
  durationParts,
  localDate,
  monthRange,
  monthsOf,
  nextSemester,
  previousSemester,
  sameSemester,
  semesterOf,
  semesterRange,
} from './calendar';

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

describe('ranges of days', () => {
  it.each([
    ['2026-09', '2026-09-01', '2026-09-30'],
    ['2026-10', '2026-10-01', '2026-10-31'],
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2027-02', '2027-02-01', '2027-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2027-04', '2027-04-01', '2027-04-30'],
    ['2027-06', '2027-06-01', '2027-06-30'],
  ])('%s runs from %s to %s', (month, from, to) => {
    expect(monthRange(month)).toEqual({ from, to });
  });

  it.each([
    [{ schoolYear: '2026/2027', semester: 1 as const }, '2026-09-01', '2026-12-31'],
    [{ schoolYear: '2026/2027', semester: 2 as const }, '2027-01-01', '2027-08-31'],
    [{ schoolYear: '2027/2028', semester: 2 as const }, '2028-01-01', '2028-08-31'],
  ])('%o runs from %s to %s', (semester, from, to) => {
    expect(semesterRange(semester)).toEqual({ from, to });
  });
});

describe('durations', () => {
  it.each([
    [0, 0, '00'],
    [5, 0, '05'],
    [40, 0, '40'],
    [60, 1, '00'],
    [95, 1, '35'],
    [600, 10, '00'],
    [1_539, 25, '39'],
  ])('%i minutes are %i h %s min', (minutes, h, m) => {
    expect(durationParts(minutes)).toEqual({ h, m });
  });
});
