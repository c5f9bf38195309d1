import type { Actor } from '../access/permissions';
import type { Learner } from '../learner';
import type { UserRole } from '../organisation';
import type { Schedule } from '../schedule';
import { addDays } from './schedules';

/**
 * Moving learners to another school (issue 12: schools merge and close; a family moves). The learner goes with
 * their history: their plans, compensations and confidential notes, and the sessions that were theirs alone (a group
 * session with learners who stay remains the old school's record). The old school's staff lose all of it from then
 * on (their devices drop it at the next pull); the new school's staff gain it. A recurring schedule is its staff
 * member's at their school: it stays, and stops producing sessions for the learners who left (scheduleAfterTransfer).
 *
 * Guessed where the sources are silent: a transfer takes someone who answers for both schools, the municipal
 * coordinator (a merger within the municipality) or an administrator (across municipalities).
 */
export const LEARNER_TRANSFERRERS: readonly UserRole[] = ['municipal_coordinator', 'administrator'];

/** The collections whose records move with a learner. */
export const TRANSFERRED_COLLECTIONS = ['plans', 'compensations', 'notes', 'consultations'] as const;
export type TransferredCollection = (typeof TRANSFERRED_COLLECTIONS)[number];

export type TransferProblem =
  'roleNotAllowed' | 'outOfScope' | 'learnerNotFound' | 'sameSchool' | 'learnerLeft' | 'transferInFuture';

type Doc = Record<string, unknown>;

/** Why `actor` may not move these learners to `toSchoolId` on `on`, or null. `learners` are the stored states. */
export function transferProblem(
  actor: Actor,
  requestedIds: readonly string[],
  learners: readonly Learner[],
  toSchoolId: string,
  on: string,
  today: string,
): TransferProblem | null {
  if (!actor.roles.some((r) => LEARNER_TRANSFERRERS.includes(r))) return 'roleNotAllowed';
  if (!actor.schoolIds.includes(toSchoolId)) return 'outOfScope';
  const byId = new Map(learners.map((l) => [l.id, l]));
  for (const id of requestedIds) {
    const learner = byId.get(id);
    // A learner out of reach is "not found": the answer says nothing of what another school holds.
    if (!learner || !actor.schoolIds.includes(learner.schoolId)) return 'learnerNotFound';
    if (learner.schoolId === toSchoolId) return 'sameSchool';
    if (learner.archived) return 'learnerLeft';
  }
  if (on > today) return 'transferInFuture';
  return null;
}

/** The learners a record is about, as the transfer reads them. */
function learnerIdsOf(collection: TransferredCollection, doc: Doc): string[] {
  const ids = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
  switch (collection) {
    case 'plans':
    case 'compensations':
    case 'notes':
      return ids([doc.learnerId]);
    case 'consultations':
      return ids((Array.isArray(doc.attendees) ? doc.attendees : []).map((a) => (a as Doc | null)?.learnerId));
  }
}

/** Does this record of the learners' old school go with them? Only when every learner it is about moves. */
export function movesWithLearners(collection: TransferredCollection, doc: Doc, moving: ReadonlySet<string>): boolean {
  const about = learnerIdsOf(collection, doc);
  return about.length > 0 && about.every((id) => moving.has(id));
}

/** The learner as the transfer stores them: in the new school, with the old one at the end of their trail. */
export function transferredLearner(
  learner: Learner,
  move: { toSchoolId: string; on: string; byId: string; at: string },
): Learner {
  return {
    ...learner,
    schoolId: move.toSchoolId,
    transfers: [
      ...(learner.transfers ?? []),
      { fromSchoolId: learner.schoolId, toSchoolId: move.toSchoolId, on: move.on, byId: move.byId },
    ],
    updatedAt: move.at,
    updatedBy: move.byId,
  };
}

/** A record as the transfer stores it: the new school's, otherwise as it was. */
export function transferredRecord<T extends Doc>(doc: T, move: { toSchoolId: string; byId: string; at: string }): T {
  return { ...doc, schoolId: move.toSchoolId, updatedAt: move.at, updatedBy: move.byId };
}

/**
 * A schedule of the old school after some of its learners left on `on`: without them, or, when none is left,
 * ended the day before (stopped, if it had not begun). Null when it names none of them.
 */
export function scheduleAfterTransfer(
  schedule: Schedule,
  moving: ReadonlySet<string>,
  move: { on: string; byId: string; at: string },
): Schedule | null {
  const staying = schedule.learnerIds.filter((id) => !moving.has(id));
  if (staying.length === schedule.learnerIds.length) return null;
  const stamp = { updatedAt: move.at, updatedBy: move.byId };
  if (staying.length > 0) return { ...schedule, learnerIds: staying, ...stamp };
  const dayBefore = addDays(move.on, -1);
  if (dayBefore < schedule.startsOn) return { ...schedule, active: false, endsOn: schedule.startsOn, ...stamp };
  const endsOn = schedule.endsOn !== undefined && schedule.endsOn < dayBefore ? schedule.endsOn : dayBefore;
  return { ...schedule, endsOn, ...stamp };
}
