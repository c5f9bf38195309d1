/**
 * Numbers as the person's language writes them. Latvian (and Russian) put a space before the per cent sign and a
 * full stop after the year (`51 %`, `02.12.2026.`; Russian the space only), which the browsers' Latvian data does not always give, so those
 * two are built here; money is Intl's (`362,45 €`).
 */
const NBSP = '\u00a0';

export interface Formats {
  money(cents: number): string;
  /** A ratio 0…1 as a whole per cent; a dash when there is no base. */
  percent(share: number | null): string;
  count(n: number): string;
  hours(h: number): string;
  /** A date YYYY-MM-DD (or a Date) as dd.mm.yyyy. in Latvian, the language's own short date otherwise. */
  date(value: string | Date): string;
}

export function formatsFor(language: string): Formats {
  const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const spaced = language !== 'en';
  return {
    money: (cents) => money.format(cents / 100),
    percent: (share) => (share === null ? '–' : `${whole.format(Math.round(share * 100))}${spaced ? `${NBSP}%` : '%'}`),
    count: (n) => whole.format(n),
    hours: (h) => hours.format(h),
    date: (value) => {
      const d = typeof value === 'string' ? new Date(`${value}T12:00:00`) : value;
      if (language === 'en') return new Intl.DateTimeFormat('en-GB').format(d);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}${language === 'lv' ? '.' : ''}`;
    },
  };
}
