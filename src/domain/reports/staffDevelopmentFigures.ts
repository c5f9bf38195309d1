import { staffEventKinds, type StaffEvent, type StaffEventKind } from '../staffEvent';
import { semesterRange, type SchoolSemester } from '../rules/calendar';
import { eventInRange } from '../rules/staffDevelopment';
import { countFigure, type CountFigure } from './figure';

/**
 * A semester's staff development (004: "darbnīcas … 12 stundu apmērā … 19 tehnikuma pedagogi"): the events by kind,
 * their hours (each event once, however many took part), the staff reached — directory users counted once however
 * many events they attended — and the others, counted per event since they have no identity to tell apart.
 */
export interface StaffDevelopmentFigures {
  events: number;
  byKind: Record<StaffEventKind, number>;
  /** The events' own hours, summed. */
  hours: number;
  /** Hours times people: each participant's hours, the directory's and the others'. */
  personHours: number;
  staffReached: CountFigure;
  otherParticipants: number;
}

export interface StaffDevelopmentScope {
  /** The events of these schools (a school's report, one school of a municipality's); absent: every event given. */
  schoolIds?: ReadonlySet<string> | undefined;
  /**
   * With schoolIds, the events of these municipalities as a whole count too: one for a municipality's total, every
   * municipality on record for the country's.
   */
  municipalityIds?: ReadonlySet<string> | undefined;
}

/** A semester's events in the scope, each counted once by its first day (rules/staffDevelopment eventInRange). */
export function staffDevelopmentFigures(
  events: readonly StaffEvent[],
  semester: SchoolSemester,
  { schoolIds, municipalityIds }: StaffDevelopmentScope = {},
): StaffDevelopmentFigures {
  const range = semesterRange(semester);
  const inScope = (e: StaffEvent) =>
    !schoolIds ||
    (e.schoolId !== undefined ? schoolIds.has(e.schoolId) : municipalityIds?.has(e.municipalityId) === true);
  const counted = events.filter((e) => eventInRange(e, range) && inScope(e));
  const byKind = Object.fromEntries(staffEventKinds.map((k) => [k, 0])) as Record<StaffEventKind, number>;
  let hours = 0;
  let personHours = 0;
  let others = 0;
  for (const e of counted) {
    byKind[e.kind] += 1;
    hours += e.hours;
    personHours += e.hours * (e.participantIds.length + e.otherParticipants);
    others += e.otherParticipants;
  }
  return {
    events: counted.length,
    byKind,
    hours,
    personHours,
    staffReached: countFigure(
      'users',
      counted.flatMap((e) => e.participantIds),
    ),
    otherParticipants: others,
  };
}
