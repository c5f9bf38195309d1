import type { Consultation } from '../activity';
import { monthRange } from './calendar';

/** One held consultation on a staff member's monthly timesheet. */
export interface TimesheetEntry {
  consultationId: string;
  date: string;
  /** HH:MM, or '' when the session was logged without a time. */
  startTime: string;
  /** The subject code for subject teachers, otherwise the specialist role code (as hoursByStaff counts it). */
  activity: string;
  minutes: number;
  /** The learners who attended, in the order they were logged; absent ones are not paid for and not listed. */
  learnerIds: string[];
}

export interface TimesheetDay {
  date: string;
  sessions: number;
  minutes: number;
}

export interface Timesheet {
  staffId: string;
  month: string;
  /** Oldest first, then by start time: the order a payroll clerk reads a month in. */
  entries: TimesheetEntry[];
  /** Only the days with held sessions. */
  days: TimesheetDay[];
  sessions: number;
  minutes: number;
  /** Learners who attended at least once this month. */
  learners: number;
}

/**
 * One staff member's month for payroll: every held consultation (at least one learner attended), counted as
 * hoursByStaff and "my hours" count it, so the timesheet's total is the staff hours page's figure for that month.
 * A group session is one session of its minutes, however many learners came; cancelled sessions and sessions nobody
 * came to are not paid for and do not appear.
 */
export function timesheetOfMonth(consultations: readonly Consultation[], staffId: string, month: string): Timesheet {
  const { from, to } = monthRange(month);
  const entries: TimesheetEntry[] = [];
  const learnerIds = new Set<string>();
  for (const c of consultations) {
    if (c.staffId !== staffId || c.date < from || c.date > to) continue;
    const attended = c.attendees.filter((a) => a.attendance === 'attended').map((a) => a.learnerId);
    if (attended.length === 0) continue;
    for (const id of attended) learnerIds.add(id);
    entries.push({
      consultationId: c.id,
      date: c.date,
      startTime: c.startTime,
      activity: c.staffRole === 'subject_teacher' && c.subject ? c.subject : c.staffRole,
      minutes: c.minutes,
      learnerIds: attended,
    });
  }
  // A session without a time sorts after the timed ones of its day.
  const timeKey = (e: TimesheetEntry) => e.startTime || '99:99';
  entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      timeKey(a).localeCompare(timeKey(b)) ||
      a.consultationId.localeCompare(b.consultationId),
  );
  const days: TimesheetDay[] = [];
  for (const e of entries) {
    const last = days.at(-1);
    if (last?.date === e.date) {
      last.sessions += 1;
      last.minutes += e.minutes;
    } else days.push({ date: e.date, sessions: 1, minutes: e.minutes });
  }
  return {
    staffId,
    month,
    entries,
    days,
    sessions: entries.length,
    minutes: entries.reduce((sum, e) => sum + e.minutes, 0),
    learners: learnerIds.size,
  };
}

/** A month parameter as the timesheet's route takes it: YYYY-MM with a real month. */
export function isTimesheetMonth(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
