import { map } from 'rxjs';
import { scheduledSessionId, scheduleSchema, stoppedSchedule, type Consultation, type Schedule } from '../domain';
import { addConsultation, type NewConsultation } from './consultations';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: Schedule[] = [];

/** One staff member's recurring schedules, running and stopped, by weekday and time. */
export function useSchedulesOfStaff(staffId: string | undefined) {
  return useLiveQuery(
    (db) =>
      db.schedules
        .find({ selector: { staffId: staffId ?? '' }, sort: [{ startsOn: 'asc' }] })
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toMutableJSON() as Schedule)
              .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime)),
          ),
        ),
    NONE,
    [staffId],
  );
}

export type NewSchedule = Omit<Schedule, 'id' | 'createdAt' | 'updatedAt' | 'syncConflicts'>;

/** Records a recurring schedule (validated again: the database accepts only whole, valid records). */
export async function addSchedule(db: AtbalstsDatabase, input: NewSchedule): Promise<Schedule> {
  const now = nowIso();
  const schedule = plainJson(scheduleSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now }));
  await db.schedules.insert(schedule);
  return schedule;
}

/**
 * Applies one change to the schedule as it is stored now (RxDB re-runs it on a clash, so an edit from another device
 * is kept); the result is validated again.
 */
export async function updateSchedule(
  db: AtbalstsDatabase,
  id: string,
  change: (current: Schedule) => Schedule,
): Promise<Schedule> {
  const doc = await db.schedules.findOne(id).exec();
  if (!doc) throw new Error(`Schedule ${id} not found`);
  let result: Schedule | null = null;
  await doc.incrementalModify((current) => {
    const next = plainJson(scheduleSchema.parse({ ...change(current as Schedule), updatedAt: nowIso() }));
    result = next;
    return next;
  });
  return result as unknown as Schedule;
}

/** Stops a schedule: no sessions from `today` on, none left overdue. */
export function stopSchedule(db: AtbalstsDatabase, id: string, today: string): Promise<Schedule> {
  return updateSchedule(db, id, (current) => stoppedSchedule(current, today));
}

/**
 * Logs a scheduled session as a consultation carrying the schedule's id, under an id derived from the schedule and
 * the date (scheduledSessionId): logged twice — a double tap, a second tab, or two devices offline — it stays one
 * consultation, and the existing one is returned here.
 */
export async function logScheduledSession(db: AtbalstsDatabase, input: NewConsultation): Promise<Consultation> {
  if (!input.scheduleId) return addConsultation(db, input);
  const id = scheduledSessionId(input.scheduleId, input.date);
  const existing = await db.consultations.findOne(id).exec();
  if (existing) return existing.toMutableJSON() as Consultation;
  return addConsultation(db, input, id);
}
