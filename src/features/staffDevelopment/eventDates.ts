import type { StaffEvent } from '../../domain';
import { intlLocale } from '../ui';

/** "6. oktobris 2026." or a range "6.–8. oktobris 2026.", as the language writes day ranges. */
export function eventDates(language: string, event: Pick<StaffEvent, 'date' | 'endDate'>): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return event.endDate === event.date
    ? format.format(day(event.date))
    : format.formatRange(day(event.date), day(event.endDate));
}
