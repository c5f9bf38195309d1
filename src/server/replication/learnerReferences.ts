import type { CollectionName, Learner } from '../../domain';
import type { WireDocument } from '../../sync/protocol';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import type { RuleCheck } from './writeCheck';

type Doc = Record<string, unknown>;
// Pushed documents are validated; stored ones are read defensively (a previous state is whatever was stored).
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const idsOf = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string');

/** The learners a record is about, by collection; collections not listed are about no learner. */
const REFERENCES: Partial<Record<CollectionName, (doc: Doc) => string[]>> = {
  notes: (doc) => idsOf([doc.learnerId]),
  compensations: (doc) => idsOf([doc.learnerId]),
  plans: (doc) => idsOf([doc.learnerId]),
  consultations: (doc) => idsOf(listOf(doc.attendees).map((a) => (a as Doc | null)?.learnerId)),
  schedules: (doc) => idsOf(listOf(doc.learnerIds)),
};

/**
 * The stored learners among `ids` (tombstones too), read in the push's transaction and share-locked in id order:
 * a learner cannot move to another school between this check and the push's commit.
 */
export async function readLearners(tx: Queryable, ids: readonly string[]): Promise<Map<string, Learner>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ data: Learner }>(
    `SELECT data FROM documents WHERE collection = 'learners' AND id = ANY($1::text[]) ORDER BY id FOR SHARE`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map(({ data }) => [data.id, data]));
}

/**
 * Every learner a note, compensation, plan, consultation (each attendee) or schedule is about must be a learner of
 * the record's school (issue 8.7): a record about another school's learner is refused with `learnerOfAnotherSchool`.
 *
 * A learner the server does not have yet is accepted. The device pushes each collection on its own, so a learner
 * created offline and a plan or consultation for them may arrive in either order; and a refused row is kept on the
 * device and not sent again until it is edited (sync/replication.ts), so refusing the early record would strand it.
 * Accepting it is safe: ids are random UUIDs made on the device that creates the learner, so nobody can aim a record
 * at a learner another school will create later, and the learner, when it comes, is checked against its own school.
 *
 * Only references a push adds are judged: a learner who moved to another school keeps the records made before the
 * move, and those stay editable (a plan evaluated after the move). Deleting a record is never refused here.
 */
export async function learnerSchoolCheck(
  tx: Queryable,
  collection: CollectionName,
  rows: readonly ValidRow[],
): Promise<RuleCheck | null> {
  const referencesOf = REFERENCES[collection];
  if (!referencesOf) return null;
  const learners = await readLearners(
    tx,
    rows.flatMap((r) => referencesOf(r.next as unknown as Doc)),
  );
  return {
    check(previous: WireDocument | null, next: WireDocument) {
      const doc = next as unknown as Doc;
      if (next._deleted) return null;
      const before = previous as unknown as Doc | null;
      const kept = new Set(before && before.schoolId === doc.schoolId ? referencesOf(before) : []);
      const added = referencesOf(doc).filter((id) => !kept.has(id));
      const elsewhere = added.some((id) => {
        const learner = learners.get(id);
        return learner !== undefined && learner.schoolId !== doc.schoolId;
      });
      return elsewhere ? 'learnerOfAnotherSchool' : null;
    },
  };
}
