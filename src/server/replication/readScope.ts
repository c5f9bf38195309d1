import {
  readsEveryYouthApplication,
  readsLearnerWork,
  seesStaffHours,
  SUPPORT_TEAM,
  type Actor,
  type CollectionName,
} from '../../domain';

/**
 * The SQL twin of domain/access canRead, so a pull can filter in the database and still return exactly `limit`
 * rows. test/server/readOracle.test.ts holds the pulls it filters to a read oracle written from the rules in words,
 * for every role and collection.
 * Parameters: $A schools (text[]), $M municipalities (text[]), $U user id, $T member of the support team, $Y reads
 * every youth application of its municipalities, $P reads a school's plans, consultations and schedules (not an
 * accountant only: permissions.ts readsLearnerWork), $H sees every staff member's hours (permissions.ts seesStaffHours).
 * It reads only the columns id, school_id, municipality_id and the `data` fields in DEPARTURE_SCOPE_FIELDS, because
 * the pull applies it to former states in the departures table too, which keep nothing else.
 */
export function readScopeSql(collection: CollectionName): string {
  switch (collection) {
    case 'municipalities':
      return `id = ANY($M)`;
    case 'schools':
      return `id = ANY($A)`;
    case 'users':
      return `(id = $U OR municipality_id = ANY($M) OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(data->'schoolIds') AS s(id) WHERE s.id = ANY($A)))`;
    case 'learners':
    case 'compensations':
      return `school_id = ANY($A)`;
    case 'plans':
    case 'consultations':
    case 'schedules':
      return `(school_id = ANY($A) AND $P)`;
    case 'notes':
      return `(school_id = ANY($A) AND (data->>'authorId' = $U OR ($T AND data->'sharedWithSupportTeam' = 'true'::jsonb)))`;
    case 'youthprojects':
      // As canRead: a competition (no commissionIds) for the municipality, an application for its deciders and commission.
      return `(municipality_id = ANY($M) AND (data->'commissionIds' IS NULL OR $Y OR EXISTS (
        SELECT 1 FROM jsonb_array_elements_text(data->'commissionIds') AS c(id) WHERE c.id = $U)))`;
    case 'staffevents':
      // As canRead: an event for the municipality and its schools; indirect work (it has a staffId) within its school,
      // for the person and for those who see staff hours ($H).
      return `(CASE WHEN data->>'staffId' IS NULL THEN (municipality_id = ANY($M) OR school_id = ANY($A))
        ELSE (school_id = ANY($A) AND (data->>'staffId' = $U OR $H)) END)`;
    case 'profiles':
      return `TRUE`;
  }
}

/** The `data` fields readScopeSql reads; the departures migration's document_scope_facts keeps exactly these. */
export const DEPARTURE_SCOPE_FIELDS = [
  'schoolIds',
  'authorId',
  'sharedWithSupportTeam',
  'commissionIds',
  'staffId',
] as const;

/** Binds the placeholders of readScopeSql that the collection uses to numbered parameters from `first` on. */
export function bindReadScope(
  collection: CollectionName,
  actor: Actor,
  first: number,
): { sql: string; params: unknown[] } {
  const values: Record<string, unknown> = {
    $A: actor.schoolIds,
    $M: actor.municipalityIds,
    $U: actor.userId,
    $T: actor.roles.some((r) => SUPPORT_TEAM.includes(r)),
    $Y: readsEveryYouthApplication(actor.roles),
    $P: readsLearnerWork(actor.roles),
    $H: seesStaffHours(actor.roles),
  };
  const params: unknown[] = [];
  const numbers = new Map<string, string>();
  const sql = readScopeSql(collection).replace(/\$[AMUTYPH]/g, (name) => {
    if (!numbers.has(name)) {
      params.push(values[name]);
      numbers.set(name, `$${first + params.length - 1}`);
    }
    return numbers.get(name) ?? name;
  });
  return { sql, params };
}
