import { describe, expect, it } from 'vitest';
import { hoursPeriods } from './periods';

describe('periods for staff hours', () => {
  it('offers this semester, its months so far (latest first), then the previous semester', () => {
    expect(hoursPeriods('2026-11-25').map((p) => [p.value, p.from, p.to])).toEqual([
      ['2026/2027-1', '2026-09-01', '2026-12-31'],
      ['2026-11', '2026-11-01', '2026-11-30'],
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-09', '2026-09-01', '2026-09-30'],
      ['2025/2026-2', '2026-01-01', '2026-08-31'],
      ['2026-08', '2026-08-01', '2026-08-31'],
      ['2026-07', '2026-07-01', '2026-07-31'],
      ['2026-06', '2026-06-01', '2026-06-30'],
      ['2026-05', '2026-05-01', '2026-05-31'],
      ['2026-04', '2026-04-01', '2026-04-30'],
      ['2026-03', '2026-03-01', '2026-03-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-01', '2026-01-01', '2026-01-31'],
    ]);
  });

  it('knows leap years and the turn of the year', () => {
    const periods = hoursPeriods('2028-02-10');
    expect(periods.slice(0, 3).map((p) => [p.value, p.to])).toEqual([
      ['2027/2028-2', '2028-08-31'],
      ['2028-02', '2028-02-29'],
      ['2028-01', '2028-01-31'],
    ]);
    expect(periods[3]?.value).toBe('2027/2028-1');
  });
});
