/** Money and dates as the language writes them (`4600,00 €`, `14.04.2020.`), and euros as people type them. */
export function formatMoney(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-');
  if (language === 'en') return `${date}/${month}/${year}`;
  return `${date}.${month}.${year}${language === 'lv' ? '.' : ''}`;
}

/** A month 2026-06 as 06.2026. (Latvian), 06.2026 (Russian), 06/2026 (English). */
export function formatMonth(month: string, language: string): string {
  const [year, m] = month.split('-');
  if (language === 'en') return `${m}/${year}`;
  return `${m}.${year}${language === 'lv' ? '.' : ''}`;
}

/** "4600", "4 600,00", "4600.5" → cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalised)) return null;
  const [whole = '0', fraction = ''] = normalised.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const centsToInput = (cents: number | undefined) =>
  cents === undefined ? '' : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');

export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
