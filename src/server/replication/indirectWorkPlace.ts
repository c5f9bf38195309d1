import { indirectWorkProblem, isIndirectWork, type IndirectWork, type User } from '../../domain';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import type { RuleCheck } from './writeCheck';

const REASONS = {
  'indirectWork.staffUnknown': 'indirectWorkStaffUnknown',
  'indirectWork.municipalityMismatch': 'indirectWorkMunicipalityMismatch',
} as const;

type Person = Pick<User, 'id' | 'schoolIds' | 'active'>;

const indirect = (doc: unknown): IndirectWork | null =>
  doc && typeof doc === 'object' && isIndirectWork(doc as { kind: string }) ? (doc as IndirectWork) : null;

/**
 * Indirect work is about a real staff member of its school, in that school's municipality
 * (domain/rules/indirectWork.ts): a hostile or stale device cannot book hours to a stranger or to a colleague of
 * another school, nor place the record where its school's coordinators would not see it. The directory and the
 * schools are written outside pushes, so they need no push lock.
 */
export async function indirectWorkPlaceCheck(tx: Queryable, rows: readonly ValidRow[]): Promise<RuleCheck | null> {
  const records = rows.map((r) => indirect(r.next)).filter((r): r is IndirectWork => r !== null);
  if (records.length === 0) return null;
  const people = new Map<string, Person>();
  const schoolMunicipality = new Map<string, string>();
  const users = await tx.query<{ data: Person }>(
    `SELECT data FROM documents WHERE collection = 'users' AND NOT deleted AND id = ANY($1::text[])`,
    [[...new Set(records.map((r) => r.staffId))]],
  );
  for (const { data } of users) people.set(data.id, data);
  const schools = await tx.query<{ id: string; municipality_id: string | null }>(
    `SELECT id, municipality_id FROM documents WHERE collection = 'schools' AND NOT deleted AND id = ANY($1::text[])`,
    [[...new Set(records.map((r) => r.schoolId))]],
  );
  for (const s of schools) if (s.municipality_id) schoolMunicipality.set(s.id, s.municipality_id);
  return {
    check(previous, next) {
      const work = indirect(next);
      if (!work || (next as { _deleted?: boolean })._deleted) return null;
      const problem = indirectWorkProblem(indirect(previous), work, people, schoolMunicipality);
      return problem ? REASONS[problem] : null;
    },
  };
}
