/** A day YYYY-MM-DD as payroll writes it: Latvian `24.11.2026.`, Russian `24.11.2026`, English `24/11/2026`. */
export function timesheetDate(language: string, date: string): string {
  const [year, month, day] = date.split('-');
  if (language === 'en') return `${day}/${month}/${year}`;
  return `${day}.${month}.${year}${language === 'lv' ? '.' : ''}`;
}

/** Minutes as decimal hours to the hundredth, as the CSV and XLSX give them: `2,08 h` (`2.08 h` in English). */
export function timesheetHours(language: string, minutes: number): string {
  const hours = new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(minutes / 60);
  return `${hours}\u00a0h`;
}

/** The month `by` months from a YYYY-MM month. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
