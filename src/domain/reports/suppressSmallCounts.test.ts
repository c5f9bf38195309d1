import { describe, expect, it } from 'vitest';
import { suppressCount, suppressShare, suppressSmallCounts } from './suppressSmallCounts';

describe('small counts at the national level', () => {
  it.each([
    [0, 0],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [572, 572],
  ])('shows a count of %s as %s', (count, shown) => {
    expect(suppressCount(count)).toBe(shown);
  });

  it('takes another threshold when one is given', () => {
    expect(suppressCount(9, 10)).toBe('<10');
    expect(suppressCount(10, 10)).toBe(10);
  });

  it('withholds the share of a suppressed count, which would tell it', () => {
    expect(suppressShare(2, 2 / 43)).toBeNull();
    expect(suppressShare(22, 22 / 43)).toBe(22 / 43);
    expect(suppressShare(0, 0)).toBe(0);
  });

  it('withholds a second cell when one small cell could be worked out from the total', () => {
    // 22 + 19 + 2 = 43 shown as a total: "<5" alone would be 43 − 22 − 19 = 2.
    expect(suppressSmallCounts({ consultationsOnly: 22, economicOnly: 19, both: 2 })).toEqual({
      consultationsOnly: 22,
      economicOnly: 'withheld',
      both: '<5',
    });
  });

  it('needs no second cell when two are small already, and leaves zeros and large counts alone', () => {
    expect(suppressSmallCounts({ a: 3, b: 1, c: 40, d: 0 })).toEqual({ a: '<5', b: '<5', c: 40, d: 0 });
    expect(suppressSmallCounts({ a: 12, b: 30 })).toEqual({ a: 12, b: 30 });
  });

  it('has nothing to add when the small cell is the only one with learners', () => {
    expect(suppressSmallCounts({ a: 3, b: 0 })).toEqual({ a: '<5', b: 0 });
  });
});
