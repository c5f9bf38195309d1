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

/**
 * `schoolIds` given: the events of those schools only (a school's report). Absent: every event passed in, the
 * municipality's own and its schools' (the caller passes the municipality's events).
 */
export function staffDevelopmentFigures(
  events: readonly StaffEvent[],
  semester: SchoolSemester,
  schoolIds?: ReadonlySet<string>,
): StaffDevelopmentFigures {
  const range = semesterRange(semester);
  const counted = events.filter(
    (e) => eventInRange(e, range) && (!schoolIds || (e.schoolId !== undefined && schoolIds.has(e.schoolId))),
  );
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
