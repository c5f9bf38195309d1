import type { Actor, CollectionName } from '../../domain';
import type { Checkpoint, WireDocument } from '../../sync/protocol';
import type { Queryable } from '../store/store';
import { bindReadScope } from './readScope';

interface DocumentRow {
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  seq: number;
}

const toWire = (row: DocumentRow) => ({ ...row.data, _deleted: row.deleted }) as WireDocument;

/** How many documents `reader` may read after `afterSeq`: what a catching-up device still has to receive. */
export async function countRemaining(
  store: Queryable,
  collection: CollectionName,
  afterSeq: number,
  reader: Actor,
): Promise<number> {
  const scope = bindReadScope(collection, reader, 3);
  const [row] = await store.query<{ remaining: string | number }>(
    `SELECT count(*) AS remaining FROM documents WHERE collection = $1 AND seq > $2 AND (${scope.sql})`,
    [collection, afterSeq, ...scope.params],
  );
  return Number(row?.remaining ?? 0);
}

/** Documents changed after the checkpoint, in sequence order; exactly `limit` of them when that many exist. */
export async function pullDocuments(
  store: Queryable,
  collection: CollectionName,
  afterSeq: number,
  limit: number,
  reader?: Actor,
): Promise<{ documents: WireDocument[]; checkpoint: Checkpoint }> {
  const scope = reader ? bindReadScope(collection, reader, 4) : { sql: 'true', params: [] };
  const rows = await store.query<DocumentRow>(
    `SELECT id, data, deleted, seq FROM documents
     WHERE collection = $1 AND seq > $2 AND (${scope.sql}) ORDER BY seq LIMIT $3`,
    [collection, afterSeq, limit, ...scope.params],
  );
  const last = rows[rows.length - 1];
  return { documents: rows.map(toWire), checkpoint: { seq: last ? last.seq : afterSeq } };
}
