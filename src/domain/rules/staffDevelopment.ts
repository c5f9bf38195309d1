import type { User } from '../organisation';
import type { StaffEvent } from '../staffEvent';
import type { DateRange } from './calendar';

/**
 * An event belongs to a period by its first day, as a consultation does by its day: an event spanning two months (or
 * semesters) is counted once, where it began, so the periods' totals add up to the year's.
 */
export const eventInRange = (event: Pick<StaffEvent, 'date'>, { from, to }: DateRange) =>
  event.date >= from && event.date <= to;

export interface DevelopmentHours {
  /** The hours of every event this person took part in, each in full. */
  hours: number;
  /** Those events, earliest first. */
  events: StaffEvent[];
}

/** A staff member's development hours over a period: the events they are listed in, begun within it. */
export function developmentHours(events: readonly StaffEvent[], staffId: string, range: DateRange): DevelopmentHours {
  const own = events
    .filter((e) => e.participantIds.includes(staffId) && eventInRange(e, range))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  return { hours: own.reduce((sum, e) => sum + e.hours, 0), events: own };
}

export type ParticipantProblem = 'staffEvent.participantUnknown' | 'staffEvent.participantOutOfReach';

type Person = Pick<User, 'id' | 'schoolIds' | 'municipalityId' | 'active'>;

/**
 * May this person be listed at this event? A school's event is its own staff's; a municipality's event is for the
 * staff of its schools and its own (municipal) staff. Kept so narrow on purpose: then every participant's reach
 * (access/reach.ts) names the event's municipality, so they read the event on their own device (canRead).
 */
export function mayTakePart(
  person: Person,
  event: Pick<StaffEvent, 'municipalityId' | 'schoolId'>,
  schoolMunicipality: ReadonlyMap<string, string>,
): boolean {
  if (event.schoolId) return person.schoolIds.includes(event.schoolId);
  return (
    person.municipalityId === event.municipalityId ||
    person.schoolIds.some((s) => schoolMunicipality.get(s) === event.municipalityId)
  );
}

/**
 * The first reason the event's participants cannot stand, or null. Only people added by this change are judged
 * against the directory's active accounts: a colleague who left since keeps their place in the events they attended,
 * and the event stays editable. Moving the event to another school or municipality judges everyone again.
 */
export function participantProblem(
  previous: Pick<StaffEvent, 'municipalityId' | 'schoolId' | 'participantIds'> | null,
  next: Pick<StaffEvent, 'municipalityId' | 'schoolId' | 'participantIds'>,
  people: ReadonlyMap<string, Person>,
  schoolMunicipality: ReadonlyMap<string, string>,
): ParticipantProblem | null {
  const samePlace =
    previous !== null &&
    previous.municipalityId === next.municipalityId &&
    (previous.schoolId ?? '') === (next.schoolId ?? '');
  const kept = new Set(samePlace ? previous.participantIds : []);
  for (const id of next.participantIds) {
    if (kept.has(id)) continue;
    const person = people.get(id);
    if (!person || (!person.active && !previous?.participantIds.includes(id))) return 'staffEvent.participantUnknown';
    if (!mayTakePart(person, next, schoolMunicipality)) return 'staffEvent.participantOutOfReach';
  }
  return null;
}
