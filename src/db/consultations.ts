import { map } from 'rxjs';
import { consultationSchema, type Attendance, type Consultation } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: Consultation[] = [];

/** One staff member's consultations between two dates (inclusive), newest first: the "today" and "my hours" lists. */
export function useConsultationsOfStaff(staffId: string | undefined, from: string, to: string) {
  return useLiveQuery(
    (db) =>
      db.consultations
        .find({
          selector: { staffId: staffId ?? '', date: { $gte: from, $lte: to } },
          sort: [{ date: 'desc' }],
        })
        .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as Consultation))),
    NONE,
    [staffId, from, to],
  );
}

/**
 * A school's consultations between two dates (inclusive), live: what a plan's progress is counted from. A school's
 * semester is thousands of rows re-emitted after every write, so each is RxDB's own data shallowly copied (toJSON)
 * rather than deep-cloned (toMutableJSON cost a third of each emission): readers must not change what they get.
 */
export function consultationsOfSchool$(db: AtbalstsDatabase, schoolId: string, from: string, to: string) {
  return db.consultations
    .find({ selector: { schoolId, date: { $gte: from, $lte: to } } })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Consultation)));
}

export function useConsultationsOfSchool(schoolId: string | undefined, from: string, to: string) {
  return useLiveQuery((db) => consultationsOfSchool$(db, schoolId ?? '', from, to), NONE, [schoolId, from, to]);
}

export type NewConsultation = Omit<Consultation, 'id' | 'createdAt' | 'updatedAt' | 'syncConflicts'>;

/** Logs a consultation (validated again: the database accepts only whole, valid records). */
export async function addConsultation(
  db: AtbalstsDatabase,
  input: NewConsultation,
  id: string = newId(),
): Promise<Consultation> {
  const now = nowIso();
  const consultation = plainJson(consultationSchema.parse({ ...input, id, createdAt: now, updatedAt: now }));
  await db.consultations.insert(consultation);
  return consultation;
}

async function changeAttendee(
  db: AtbalstsDatabase,
  id: string,
  learnerId: string,
  change: (a: Consultation['attendees'][number]) => Consultation['attendees'][number],
): Promise<void> {
  const doc = await db.consultations.findOne(id).exec();
  if (!doc) throw new Error(`Consultation ${id} not found`);
  await doc.incrementalModify((current) => {
    const next = {
      ...(current as Consultation),
      attendees: (current as Consultation).attendees.map((a) => (a.learnerId === learnerId ? change(a) : a)),
      updatedAt: nowIso(),
    };
    return plainJson(consultationSchema.parse(next));
  });
}

export function setAttendance(db: AtbalstsDatabase, id: string, learnerId: string, attendance: Attendance) {
  // A confirmation vouches for the attendance it was given for: changing the attendance drops it.
  return changeAttendee(db, id, learnerId, (a) => {
    if (a.attendance === attendance) return a;
    const { confirmedAt: _dropped, ...rest } = a;
    return { ...rest, attendance };
  });
}

/** The learner's tap on the confirmation screen (replacing the paper "KA" form). */
export function confirmConsultation(db: AtbalstsDatabase, id: string, learnerId: string) {
  return changeAttendee(db, id, learnerId, (a) => ({ ...a, confirmedAt: nowIso() }));
}
