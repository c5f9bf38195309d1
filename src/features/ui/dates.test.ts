import { describe, expect, it } from 'vitest';
import { intlLocale, longDateAfterPreposition, monthInWords } from './dates';

// Expected texts written out by hand from the languages' grammar (issue 13), not from the code's own tables.
describe('dates as each UI language writes them', () => {
  it('writes the Latvian day after "kopš" in the genitive', () => {
    expect(longDateAfterPreposition('lv', '2025-09-01')).toBe('2025. gada 1. septembra');
    expect(longDateAfterPreposition('lv', '2026-03-15')).toBe('2026. gada 15. marta');
    expect(longDateAfterPreposition('ru', '2025-09-01')).toBe('1 сентября 2025 г.');
    expect(longDateAfterPreposition('en', '2025-09-01')).toBe('1 September 2025');
  });

  it('shows a compensation month in words, not as 2026-11', () => {
    expect(monthInWords('lv', '2026-11')).toBe('2026. gada novembris');
    expect(monthInWords('en', '2026-11')).toBe('November 2026');
    expect(monthInWords('ru', '2026-11')).toBe('ноябрь 2026 г.');
  });

  it('formats English day-first with a 24-hour clock', () => {
    const at = new Date(2026, 10, 15, 14, 5);
    const format = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(intlLocale('en'), options).format(at);
    expect(format({ dateStyle: 'medium', timeStyle: 'short' })).toBe('15 Nov 2026, 14:05');
    expect(format({ day: '2-digit', month: '2-digit', year: 'numeric' })).toBe('15/11/2026');
    expect(intlLocale('lv')).toBe('lv');
    expect(intlLocale('ru')).toBe('ru');
  });
});
