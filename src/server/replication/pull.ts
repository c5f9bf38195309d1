import type { Actor, CollectionName } from '../../domain';
import type { Checkpoint, WireDocument } from '../../sync/protocol';
import type { Queryable } from '../store/store';
import { bindReadScope } from './readScope';

interface PulledRow {
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  seq: number;
  readable: boolean;
}

/**
 * What a pull tells a reader about a document it may no longer read: only that it is gone. No field of the document
 * travels — neither its current state (out of reach) nor its former one (the device has it, or never needs it);
 * the device's storage needs nothing but the primary key to delete its copy.
 */
const departed = (id: string) => ({ id, _deleted: true }) as WireDocument;

const toWire = (row: PulledRow) =>
  row.readable ? ({ ...row.data, _deleted: row.deleted } as WireDocument) : departed(row.id);

/**
 * The rows a reader hears of after `afterSeq` ($2): every document it may read now, and every document it may not
 * read now but could in a former state left after its checkpoint (the departure). A departure at or before the
 * checkpoint was already told, in the pull that passed it. `$1` is the collection; the scope's parameters start at
 * `first`. The scope SQL is applied twice: to the document and, inside EXISTS, to its former scopes, whose columns
 * (id, school_id, municipality_id, data) shadow the document's.
 */
function pullFilter(collection: CollectionName, reader: Actor | undefined, first: number) {
  if (!reader) return { readable: 'true', where: 'true', params: [] as unknown[] };
  const scope = bindReadScope(collection, reader, first);
  const readable = `(${scope.sql})`;
  const where = `(${readable} OR EXISTS (SELECT 1 FROM departures
      WHERE departures.collection = documents.collection AND departures.id = documents.id
        AND departures.seq > $2 AND ${readable}))`;
  return { readable, where, params: scope.params };
}

/** How many rows `reader` still hears of after `afterSeq` (documents and departures): what a catching-up device still has to receive. */
export async function countRemaining(
  store: Queryable,
  collection: CollectionName,
  afterSeq: number,
  reader: Actor,
): Promise<number> {
  const filter = pullFilter(collection, reader, 3);
  const [row] = await store.query<{ remaining: string | number }>(
    `SELECT count(*) AS remaining FROM documents WHERE collection = $1 AND seq > $2 AND ${filter.where}`,
    [collection, afterSeq, ...filter.params],
  );
  return Number(row?.remaining ?? 0);
}

/**
 * Documents changed after the checkpoint, in sequence order; exactly `limit` of them when that many exist. A
 * document the reader may read comes whole; one that left the reader's reach comes as a bare tombstone, so the
 * device deletes its copy. Without a reader (tests, tools), everything.
 */
export async function pullDocuments(
  store: Queryable,
  collection: CollectionName,
  afterSeq: number,
  limit: number,
  reader?: Actor,
): Promise<{ documents: WireDocument[]; checkpoint: Checkpoint }> {
  const filter = pullFilter(collection, reader, 4);
  const rows = await store.query<PulledRow>(
    `SELECT id, data, deleted, seq, ${filter.readable} AS readable FROM documents
     WHERE collection = $1 AND seq > $2 AND ${filter.where} ORDER BY seq LIMIT $3`,
    [collection, afterSeq, limit, ...filter.params],
  );
  const last = rows[rows.length - 1];
  return { documents: rows.map(toWire), checkpoint: { seq: last ? Number(last.seq) : afterSeq } };
}
