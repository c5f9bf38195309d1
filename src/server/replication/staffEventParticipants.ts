import { isStaffEvent, participantProblem, type StaffEvent, type User } from '../../domain';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import type { RuleCheck } from './writeCheck';

const REASONS = {
  'staffEvent.participantUnknown': 'staffEventParticipantUnknown',
  'staffEvent.participantOutOfReach': 'staffEventParticipantOutOfReach',
} as const;

type Person = Pick<User, 'id' | 'schoolIds' | 'municipalityId' | 'active'>;

/**
 * The staff listed at an event are directory users of its school (or of its municipality's schools and its own
 * staff, for a municipal event), as the device's picker offers them (domain/rules/staffDevelopment.ts): a hostile or
 * stale device cannot credit hours to a stranger, nor give a person of another municipality a reason to read the
 * event. The directory is written by administrators only, outside pushes, so it needs no push lock.
 */
export async function staffEventParticipantCheck(tx: Queryable, rows: readonly ValidRow[]): Promise<RuleCheck> {
  const event = (doc: unknown) =>
    doc && isStaffEvent(doc as { kind: string }) ? (doc as unknown as StaffEvent) : null;
  const ids = [...new Set(rows.flatMap((r) => event(r.next)?.participantIds ?? []))];
  const people = new Map<string, Person>();
  const schoolMunicipality = new Map<string, string>();
  if (ids.length) {
    const users = await tx.query<{ data: Person }>(
      `SELECT data FROM documents WHERE collection = 'users' AND NOT deleted AND id = ANY($1::text[])`,
      [ids],
    );
    for (const { data } of users) people.set(data.id, data);
    const schoolIds = [...new Set(users.flatMap(({ data }) => data.schoolIds))];
    const schools = await tx.query<{ id: string; municipality_id: string | null }>(
      `SELECT id, municipality_id FROM documents WHERE collection = 'schools' AND NOT deleted AND id = ANY($1::text[])`,
      [schoolIds],
    );
    for (const s of schools) if (s.municipality_id) schoolMunicipality.set(s.id, s.municipality_id);
  }
  return {
    check(previous, next) {
      const nextEvent = event(next);
      // Indirect work lists no participants (indirectWorkPlace.ts judges its staff member).
      if ((next as { _deleted?: boolean })._deleted || !nextEvent) return null;
      const problem = participantProblem(event(previous), nextEvent, people, schoolMunicipality);
      return problem ? REASONS[problem] : null;
    },
  };
}
