import { canRead, type Actor, type CollectionName } from '../../domain';
import type { Queryable } from '../store/store';
import { DEPARTURE_SCOPE_FIELDS } from '../replication/readScope';

/**
 * Where a written document sits, now or in the state it left: the only fields the read rules look at (the
 * departures table keeps the same). Published with each change, so every process can tell which of its streams may
 * hear of it without asking the database once per stream.
 */
export interface ScopeFacts {
  /** Only for collections read by id (users, schools, municipalities). */
  id?: string;
  schoolId?: string;
  municipalityId?: string;
  schoolIds?: string[];
  authorId?: string;
  sharedWithSupportTeam?: boolean;
  commissionIds?: string[];
  /** Whom a record is about (indirect work; consultations and schedules carry it too, read by school). */
  staffId?: string;
}

/** Collections whose read rule looks at the document's id. */
const READ_BY_ID = new Set<string>(['users', 'schools', 'municipalities']);
/** Collections whose moves the departures trigger does not record: they change reach, handled by the scope fingerprint. */
const NO_DEPARTURES = new Set<string>(['schools', 'municipalities']);

interface ScopeRow {
  id: string;
  school_id: string | null;
  municipality_id: string | null;
  facts: Omit<ScopeFacts, 'id' | 'schoolId' | 'municipalityId'> | null;
}

/**
 * The distinct scopes of the written documents as they are now, and of the states they left since `sinceSeq` (the
 * departures this write made), so former readers hear of it too and pull their removal. `'latest'` takes the
 * departures of each document's latest write (for writers that do not know the sequence before they wrote).
 */
export async function scopesOf(
  db: Queryable,
  collection: CollectionName,
  ids: readonly string[],
  sinceSeq: number | 'latest',
): Promise<ScopeFacts[]> {
  if (!ids.length) return [];
  const departed =
    sinceSeq === 'latest'
      ? `SELECT p.id, p.school_id, p.municipality_id, p.data AS facts FROM departures p
           JOIN documents d ON d.collection = p.collection AND d.id = p.id
          WHERE p.collection = $1 AND p.id = ANY($2::text[]) AND p.seq >= d.seq`
      : `SELECT id, school_id, municipality_id, data AS facts FROM departures
          WHERE collection = $1 AND id = ANY($2::text[]) AND seq > $3`;
  const rows = await db.query<ScopeRow>(
    `SELECT id, school_id, municipality_id, document_scope_facts(data) AS facts FROM documents
      WHERE collection = $1 AND id = ANY($2::text[])
     UNION ALL ${departed}`,
    sinceSeq === 'latest' ? [collection, ids] : [collection, ids, sinceSeq],
  );
  const distinct = new Map<string, ScopeFacts>();
  for (const row of rows) {
    const facts: ScopeFacts = {
      ...(READ_BY_ID.has(collection) ? { id: row.id } : {}),
      ...(row.school_id ? { schoolId: row.school_id } : {}),
      ...(row.municipality_id ? { municipalityId: row.municipality_id } : {}),
      ...(row.facts ?? {}),
    };
    distinct.set(JSON.stringify(facts), facts);
  }
  return [...distinct.values()];
}

/** A document's scope facts as document_scope_facts(data) and the scope columns give them, from its JSON. */
function factsOf(collection: CollectionName, id: string, doc: Record<string, unknown>): ScopeFacts {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const facts: ScopeFacts = READ_BY_ID.has(collection) ? { id } : {};
  const schoolId = text(doc.schoolId);
  const municipalityId = text(doc.municipalityId);
  if (schoolId) facts.schoolId = schoolId;
  if (municipalityId) facts.municipalityId = municipalityId;
  for (const field of DEPARTURE_SCOPE_FIELDS) {
    if (doc[field] !== undefined && doc[field] !== null) Object.assign(facts, { [field]: doc[field] });
  }
  return facts;
}

/**
 * The scopes of one push's writes, from the states it replaced and wrote: what scopesOf reads back from the
 * database after the write (the documents now, and the departures the departures trigger recorded for states that
 * left a scope), without a query. Schools and municipalities record no departures (see the trigger).
 */
export function scopesOfWrites(
  collection: CollectionName,
  writes: readonly { id: string; previous: Record<string, unknown> | null; next: Record<string, unknown> }[],
): ScopeFacts[] {
  const distinct = new Map<string, ScopeFacts>();
  const add = (facts: ScopeFacts) => distinct.set(JSON.stringify(facts), facts);
  for (const { id, previous, next } of writes) {
    const now = factsOf(collection, id, next);
    add(now);
    if (previous && !NO_DEPARTURES.has(collection)) {
      const before = factsOf(collection, id, previous);
      if (JSON.stringify(before) !== JSON.stringify(now)) add(before);
    }
  }
  return [...distinct.values()];
}

/** The sequence's position before a write: every departure the write makes has a greater seq. */
export async function currentSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ seq: string | number }>('SELECT last_value AS seq FROM document_seq');
  return Number(row?.seq ?? 0);
}

/** May a stream of `actor` hear of a change with these scopes: could it read any of the states, now or before? */
export function hears(actor: Actor, collection: CollectionName, scopes: readonly ScopeFacts[]): boolean {
  return scopes.some((scope) => canRead(actor, collection, scope as Record<string, unknown>));
}
