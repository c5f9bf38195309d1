import type { CollectionName } from '../../domain';
import { jsonEqual, wireDocumentSchema, type WireDocument } from '../../sync/protocol';
import type { Queryable, Store } from '../store/store';
import { audit } from '../audit/audit';

/** Held from sequence assignment to commit, so commit order equals sequence order across all writers. */
const SEQUENCE_LOCK = 7_414_102;

interface DocumentRow {
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  seq: number;
}

export interface RowProblem {
  row: number;
  path: string;
  message: string;
}

export interface RejectedRow {
  id: string;
  reason: string;
}

export type PushResult =
  | { ok: true; conflicts: WireDocument[]; rejected: RejectedRow[]; written: string[] }
  | { ok: false; problems: RowProblem[] };

export interface ValidRow {
  id: string;
  assumed: WireDocument | null;
  next: WireDocument;
}

const toWire = (row: Pick<DocumentRow, 'data' | 'deleted'>) => ({ ...row.data, _deleted: row.deleted }) as WireDocument;

/** RxDB's own bookkeeping never reaches the server's copy. */
function withoutInternals(doc: unknown): Record<string, unknown> | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const { _rev, _meta, _attachments, ...document } = doc as Record<string, unknown>;
  return document;
}

/**
 * Validates every row first; one invalid document rejects the whole push and nothing is stored. The stored copy is
 * what the device sent (less RxDB internals), not the parsed one: the device compares against it byte for byte.
 */
export function validatePushRows(collection: CollectionName, rows: unknown[]): ValidRow[] | RowProblem[] {
  const schema = wireDocumentSchema(collection);
  const problems: RowProblem[] = [];
  const valid: ValidRow[] = [];
  rows.forEach((raw, index) => {
    const row = (raw ?? {}) as { newDocumentState?: unknown; assumedMasterState?: unknown };
    const next = withoutInternals(row.newDocumentState);
    const parsed = schema.safeParse(next);
    if (!next || !parsed.success) {
      const issues = parsed.success
        ? [{ path: [], message: 'newDocumentState must be an object' }]
        : parsed.error.issues;
      for (const issue of issues.slice(0, 5)) {
        problems.push({ row: index, path: issue.path.join('.') || '(document)', message: issue.message });
      }
      return;
    }
    const assumed = withoutInternals(row.assumedMasterState);
    if (assumed && assumed.id !== next.id) {
      problems.push({ row: index, path: 'assumedMasterState.id', message: 'does not match newDocumentState.id' });
      return;
    }
    valid.push({ id: String(next.id), assumed: assumed as WireDocument | null, next: next as WireDocument });
  });
  const ids = valid.map((r) => r.id);
  if (new Set(ids).size !== ids.length)
    problems.push({ row: -1, path: 'id', message: 'a push may carry each document once' });
  return problems.length ? problems : valid;
}

function scopeColumns(doc: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { school_id: text(doc.schoolId), municipality_id: text(doc.municipalityId) };
}

/** Rows as JSON records, so a whole batch is written by one statement whatever its size. */
function asRecords(rows: ValidRow[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const { _deleted: deleted, ...data } = row.next;
      return { id: row.id, data, deleted: deleted === true, ...scopeColumns(data) };
    }),
  );
}
const RECORD_COLUMNS = 'x(id text, data jsonb, deleted boolean, school_id text, municipality_id text)';

/**
 * One push, one transaction: a row whose assumed master state matches the stored one is written; a row already
 * stored exactly as sent is a success (pushes are retried); any other row is a conflict and the stored state is
 * returned for the device to merge.
 */
export interface PushOptions {
  authorise?: WriteCheck;
  /** Who writes: every stored row is appended to the audit log in the same transaction. */
  audit?: { userId: string | null };
}

export async function pushDocuments(
  store: Store,
  collection: CollectionName,
  rows: unknown[],
  options: PushOptions = {},
): Promise<PushResult> {
  const validated = validatePushRows(collection, rows);
  if (validated.some((v) => 'path' in v)) return { ok: false, problems: validated as RowProblem[] };
  return store.transaction(async (tx) => {
    const result = await writeDocuments(tx, collection, validated as ValidRow[], options.authorise);
    if (options.audit) await audit(tx, options.audit.userId, 'write', collection, result.written);
    return result;
  });
}

/**
 * Decides whether this writer may turn the stored state into the new one; returns a reason code to refuse the row
 * (it is reported back and nothing is stored for it), or null to allow it.
 */
export type WriteCheck = (previous: WireDocument | null, next: WireDocument) => string | null;

/** The write phase of a push, inside the caller's transaction (also used to create user directory entries). */
export async function writeDocuments(
  tx: Queryable,
  collection: CollectionName,
  rows: ValidRow[],
  authorise: WriteCheck = () => null,
): Promise<Extract<PushResult, { ok: true }>> {
  const valid = rows.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rejected: RejectedRow[] = [];
  const conflicts: WireDocument[] = [];
  // One statement locks every stored row of the push, in id order, so overlapping pushes cannot deadlock.
  const storedRows = await tx.query<DocumentRow>(
    `SELECT id, data, deleted, seq FROM documents WHERE collection = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [collection, valid.map((r) => r.id)],
  );
  const stored = new Map(storedRows.map((row) => [row.id, toWire(row)]));
  const inserts: ValidRow[] = [];
  const updates: ValidRow[] = [];
  for (const row of valid) {
    const current = stored.get(row.id) ?? null;
    if (current && jsonEqual(current, row.next)) continue;
    if (current && !jsonEqual(current, row.assumed)) {
      conflicts.push(current);
      continue;
    }
    const refusal = authorise(current, row.next);
    if (refusal) {
      rejected.push({ id: row.id, reason: refusal });
      continue;
    }
    (current ? updates : inserts).push(row);
  }
  // The seq written here is a placeholder from the same sequence (unique); the real one is assigned under the lock.
  const inserted = inserts.length
    ? await tx.query<{ id: string }>(
        `INSERT INTO documents (collection, id, data, deleted, school_id, municipality_id, seq)
         SELECT $1, x.id, x.data, x.deleted, x.school_id, x.municipality_id, nextval('document_seq')
         FROM jsonb_to_recordset($2::jsonb) AS ${RECORD_COLUMNS}
         ON CONFLICT (collection, id) DO NOTHING RETURNING id`,
        [collection, asRecords(inserts)],
      )
    : [];
  // A document created by a concurrent push between our read and our insert: the device must merge, as for any
  // conflict, so its current state goes back.
  const raced = inserts.filter((row) => !inserted.some((i) => i.id === row.id));
  if (raced.length) {
    const current = await tx.query<DocumentRow>(
      `SELECT id, data, deleted, seq FROM documents WHERE collection = $1 AND id = ANY($2::text[]) FOR UPDATE`,
      [collection, raced.map((r) => r.id)],
    );
    conflicts.push(...current.map(toWire));
  }
  if (updates.length) {
    await tx.query(
      `UPDATE documents d SET data = x.data, deleted = x.deleted, school_id = x.school_id,
         municipality_id = x.municipality_id, seq = nextval('document_seq'), server_updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS ${RECORD_COLUMNS}
       WHERE d.collection = $1 AND d.id = x.id`,
      [collection, asRecords(updates)],
    );
  }
  const written = [...inserted.map((i) => i.id), ...updates.map((u) => u.id)];
  if (written.length) {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
    await tx.query(
      `UPDATE documents SET seq = nextval('document_seq') WHERE collection = $1 AND id = ANY($2::text[])`,
      [collection, written],
    );
  }
  return { ok: true, conflicts, rejected, written };
}
