import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuros, parseEuros } from './money';

describe('euro amounts', () => {
  it.each([
    ['45,50', 4550],
    ['45.5', 4550],
    ['70', 7000],
    [' 0,07 ', 7],
    ['1 200', 120000],
    ['', null],
    ['-5', null],
    ['12,345', null],
    ['abc', null],
  ])('reads %j as %s cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([
    [4550, '45,50'],
    [7000, '70'],
    [undefined, ''],
  ])('writes %s cents back as %j', (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
    if (cents !== undefined) expect(parseEuros(text)).toBe(cents);
  });

  it('shows euros in the reader’s language', () => {
    expect(formatEuros(7000, 'lv')).toMatch(/70,00\s€/);
    expect(formatEuros(7000, 'en')).toBe('€70.00');
  });
});
