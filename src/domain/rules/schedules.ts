/**
 * Recurring consultation schedules: which sessions fall on which days, and which of them are due today or overdue
 * (past, within a look-back, and not logged).
 *
 * Guessed where the sources are silent, and kept here so they are easy to change:
 * - A session counts as logged when a consultation carrying the schedule's id exists on its date, whatever the
 *   attendance: a holiday or a sick day is dismissed by logging the session as cancelled.
 * - A session logged by hand (quick log, without the schedule's id) also counts when it is the same staff member's,
 *   on the same date, of the same role and subject, with at least one of the schedule's learners: nobody has to log
 *   a session twice.
 * - Sessions older than the look-back (two weeks by default) are no longer shown as overdue; a stopped schedule shows
 *   none at all.
 */
import type { Attendance, Consultation } from '../activity';
import type { SupportPlan } from '../plan';
import type { Schedule } from '../schedule';
import { measureFor } from './consultationLinks';

export interface ScheduledSession {
  schedule: Schedule;
  /** The day the session falls on (YYYY-MM-DD). */
  date: string;
}

export interface DueSessions {
  /** Today's sessions not yet logged, by start time. */
  due: ScheduledSession[];
  /** Past sessions within the look-back not logged, oldest first. */
  overdue: ScheduledSession[];
}

export const DEFAULT_LOOKBACK_DAYS = 14;

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = noon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((noon(date).getUTCDay() + 6) % 7) + 1;
}

/** The days (YYYY-MM-DD) between `from` and `to` inclusive on which the schedule has a session, in order (skipped days left out). */
export function occurrences(schedule: Schedule, from: string, to: string): string[] {
  const first = from > schedule.startsOn ? from : schedule.startsOn;
  const last = schedule.endsOn !== undefined && schedule.endsOn < to ? schedule.endsOn : to;
  if (first > last) return [];
  const dates: string[] = [];
  const skipped = new Set(schedule.skippedDates ?? []);
  for (let date = addDays(first, (schedule.weekday - weekdayOf(first) + 7) % 7); date <= last; date = addDays(date, 7))
    if (!skipped.has(date)) dates.push(date);
  return dates;
}

const sharesLearner = (schedule: Schedule, consultation: Consultation) =>
  consultation.attendees.some((a) => schedule.learnerIds.includes(a.learnerId));

/** Has this session been logged (from the schedule, or by hand as the same session)? */
export function isLogged(schedule: Schedule, date: string, consultations: readonly Consultation[]): boolean {
  return consultations.some(
    (c) =>
      c.date === date &&
      (c.scheduleId === schedule.id ||
        (c.scheduleId === undefined &&
          c.staffId === schedule.staffId &&
          c.staffRole === schedule.staffRole &&
          (c.subject ?? '') === (schedule.subject ?? '') &&
          sharesLearner(schedule, c))),
  );
}

/**
 * Today's sessions of the active schedules (due) and the past ones of the last `lookbackDays` days (overdue), less
 * those already logged. `consultations` must cover the look-back and today.
 */
export function dueSessions(
  schedules: readonly Schedule[],
  consultations: readonly Consultation[],
  today: string,
  lookbackDays = DEFAULT_LOOKBACK_DAYS,
): DueSessions {
  const due: ScheduledSession[] = [];
  const overdue: ScheduledSession[] = [];
  for (const schedule of schedules) {
    if (!schedule.active) continue;
    const open = (date: string) => !isLogged(schedule, date, consultations);
    if (lookbackDays > 0) {
      for (const date of occurrences(schedule, addDays(today, -lookbackDays), addDays(today, -1)).filter(open))
        overdue.push({ schedule, date });
    }
    for (const date of occurrences(schedule, today, today).filter(open)) due.push({ schedule, date });
  }
  const byTime = (a: ScheduledSession, b: ScheduledSession) =>
    a.date.localeCompare(b.date) || a.schedule.startTime.localeCompare(b.schedule.startTime);
  return { due: due.sort(byTime), overdue: overdue.sort(byTime) };
}

export type NewScheduledConsultation = Omit<Consultation, 'id' | 'createdAt' | 'updatedAt' | 'syncConflicts'>;

/**
 * The consultation that logs a scheduled session: the schedule's role, subject, time, length and mode, each learner
 * with the attendance given (one value for all, or per learner; attended where not said). A session with one learner
 * is tied to that learner's plan measure, as a quick log is.
 */
export function consultationFromSchedule(
  schedule: Schedule,
  date: string,
  attendance: Attendance | Readonly<Record<string, Attendance>>,
  plans: readonly SupportPlan[] = [],
): NewScheduledConsultation {
  const role = {
    staffRole: schedule.staffRole,
    ...(schedule.subject !== undefined ? { subject: schedule.subject } : {}),
  };
  const only = schedule.learnerIds.length === 1 ? schedule.learnerIds[0] : undefined;
  const link = only !== undefined ? measureFor(plans, only, role) : null;
  return {
    schoolId: schedule.schoolId,
    staffId: schedule.staffId,
    ...role,
    planId: link?.planId ?? '',
    ...(link ? { measureId: link.measureId } : {}),
    scheduleId: schedule.id,
    date,
    startTime: schedule.startTime,
    minutes: schedule.minutes,
    mode: schedule.mode,
    ...(schedule.channel !== undefined ? { channel: schedule.channel } : {}),
    attendees: schedule.learnerIds.map((learnerId) => ({
      learnerId,
      attendance: typeof attendance === 'string' ? attendance : (attendance[learnerId] ?? 'attended'),
    })),
    notes: '',
  };
}

/** Stopping a schedule: no sessions from `today` on, and none left overdue. */
export function stoppedSchedule(schedule: Schedule, today: string): Schedule {
  const lastDay = addDays(today, -1);
  const endsOn = [schedule.endsOn ?? lastDay, lastDay].sort()[0] ?? lastDay;
  return { ...schedule, active: false, endsOn: endsOn < schedule.startsOn ? schedule.startsOn : endsOn };
}

/**
 * The id of the consultation logging a scheduled session: the same on every device, so a session logged on the
 * shared tablet and again on the teacher's phone (both offline) is one record after sync — its two versions merge
 * field by field — and not two sessions paid twice. Ids are at most 40 characters: 29 of the schedule id (a UUID's
 * first 29 carry over 100 random bits), '@' and the date.
 */
export function scheduledSessionId(scheduleId: string, date: string): string {
  return `${scheduleId.slice(0, 29)}@${date.replace(/-/g, '')}`;
}

/** The schedule with no session on `date` (a holiday): the session is neither due nor overdue any more. */
export function skippedSession(schedule: Schedule, date: string): Schedule {
  const skipped = schedule.skippedDates ?? [];
  if (skipped.includes(date)) return schedule;
  return { ...schedule, skippedDates: [...skipped, date].sort() };
}
