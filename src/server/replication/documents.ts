import type { CollectionName } from '../../domain';
import { jsonEqual, RETIRED_FIELDS, wireDocumentSchema, type WireDocument } from '../../sync/protocol';
import type { Queryable, Store } from '../store/store';
import { audit } from '../audit/audit';
import type { AuthenticatedUser } from '../auth/scope';
import { writePolicyFor } from './writeCheck';
import { scopesOfWrites, type ScopeFacts } from '../live/changeScopes';

/** Held from a push's first write to its commit, so commit order equals sequence order across all writers. */
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
  | { ok: true; conflicts: WireDocument[]; rejected: RejectedRow[]; written: string[]; scopes: ScopeFacts[] }
  | { ok: false; problems: RowProblem[] };

export interface ValidRow {
  id: string;
  assumed: WireDocument | null;
  next: WireDocument;
}

const toWire = (row: Pick<DocumentRow, 'data' | 'deleted'>) => ({ ...row.data, _deleted: row.deleted }) as WireDocument;

/** RxDB's own bookkeeping, and fields retired from the schema that older devices still send, never get stored. */
function withoutInternals(collection: CollectionName, doc: unknown): Record<string, unknown> | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const { _rev, _meta, _attachments, ...document } = doc as Record<string, unknown>;
  const retired = RETIRED_FIELDS[collection] ?? [];
  return retired.length ? Object.fromEntries(Object.entries(document).filter(([k]) => !retired.includes(k))) : document;
}

/**
 * Validates every row first, strictly (no key the schema does not know); one invalid document rejects the whole
 * push and nothing is stored. The stored copy is what the device sent (less RxDB internals), not the parsed one:
 * the device compares against it byte for byte. It holds only what the schema accepts, since every key was known.
 * Rule checks run later, in the write transaction, on these validated documents only.
 */
export function validatePushRows(collection: CollectionName, rows: unknown[]): ValidRow[] | RowProblem[] {
  const schema = wireDocumentSchema(collection);
  const problems: RowProblem[] = [];
  const valid: ValidRow[] = [];
  rows.forEach((raw, index) => {
    const row = (raw ?? {}) as { newDocumentState?: unknown; assumedMasterState?: unknown };
    const next = withoutInternals(collection, row.newDocumentState);
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
    const assumed = withoutInternals(collection, row.assumedMasterState);
    if (assumed && assumed.id !== next.id) {
      problems.push({ row: index, path: 'assumedMasterState.id', message: 'does not match newDocumentState.id' });
      return;
    }
    valid.push({ id: parsed.data.id, assumed: assumed as WireDocument | null, next: next as WireDocument });
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

export interface PushOptions {
  /**
   * Who pushes: their rights and the collection's rules are checked row by row in the write transaction, with the
   * rows the rules depend on locked (writeCheck.ts). Without one (the server's own writes) nothing is checked.
   */
  writer?: AuthenticatedUser;
  /** Who writes: every stored row is appended to the audit log in the same transaction. */
  audit?: { userId: string | null };
}

/** One push, one transaction: validation, the rule checks under their locks, the writes and the audit. */
export async function pushDocuments(
  store: Store,
  collection: CollectionName,
  rows: unknown[],
  options: PushOptions = {},
): Promise<PushResult> {
  const validated = validatePushRows(collection, rows);
  if (validated.some((v) => 'path' in v)) return { ok: false, problems: validated as RowProblem[] };
  const valid = validated as ValidRow[];
  return store.transaction(async (tx) => {
    const policy = options.writer ? await writePolicyFor(tx, options.writer, collection, valid) : undefined;
    const result = await writeDocuments(tx, collection, valid, policy);
    if (options.audit) await audit(tx, options.audit.userId, 'write', collection, result.written);
    return result;
  });
}

/**
 * What a writer may do, decided in the write transaction (see writeCheck.ts). `check` is pure; `accept` tells the
 * policy a row is going to be written, so later rows of the same push are judged with it (caps count it).
 */
export interface WritePolicy {
  /** A reason code to refuse turning `previous` (null for a new record) into `next`, or null to allow it. */
  check(previous: WireDocument | null, next: WireDocument): string | null;
  accept(previous: WireDocument | null, next: WireDocument): void;
  /** May the writer see this stored state? Only then can it go back as a conflict. */
  mayRead(stored: WireDocument): boolean;
}

/** The server's own writes (user directory entries): everything allowed. */
const TRUSTED: WritePolicy = { check: () => null, accept: () => {}, mayRead: () => true };

/** Refused when the id is taken by a record the writer may not read: says nothing about that record. */
export const HIDDEN_RECORD = 'idNotAvailable';

/**
 * The answer for a row whose id is taken by a record the writer may not read (issue 8.1). It must not depend on
 * the stored record in any way — not its content, owner or school, nor whether it equals what was pushed (so a
 * guessed exact copy confirms nothing). It is what the same push would get if no such record existed, whenever
 * that is a refusal; only when the push would have been accepted does the writer learn that the id is taken,
 * which they can only ask about an id they already know, and never about what it holds.
 */
function hiddenRecordRefusal(policy: WritePolicy, next: WireDocument): string {
  return policy.check(null, next) ?? HIDDEN_RECORD;
}

type RowOutcome = { kind: 'same' } | { kind: 'conflict'; stored: WireDocument } | { kind: 'refused'; reason: string };

/** A stored state met where none or another was assumed: success if identical, a conflict if readable. */
function againstStored(policy: WritePolicy, row: ValidRow, stored: WireDocument): RowOutcome {
  if (!policy.mayRead(stored)) return { kind: 'refused', reason: hiddenRecordRefusal(policy, row.next) };
  if (jsonEqual(stored, row.next)) return { kind: 'same' };
  return { kind: 'conflict', stored };
}

/**
 * The write phase of a push, inside the caller's transaction (also used to create user directory entries).
 * A row whose assumed master state matches the stored one is checked and written; a row already stored exactly
 * as sent is a success (pushes are retried); any other row is a conflict, and the stored state goes back for the
 * device to merge — only when the writer may read it.
 */
export async function writeDocuments(
  tx: Queryable,
  collection: CollectionName,
  rows: ValidRow[],
  policy: WritePolicy = TRUSTED,
): Promise<Extract<PushResult, { ok: true }>> {
  const valid = rows.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rejected: RejectedRow[] = [];
  const conflicts: WireDocument[] = [];
  const settle = (row: ValidRow, outcome: RowOutcome) => {
    if (outcome.kind === 'conflict') conflicts.push(outcome.stored);
    if (outcome.kind === 'refused') rejected.push({ id: row.id, reason: outcome.reason });
  };
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
    if (current && (!policy.mayRead(current) || jsonEqual(current, row.next) || !jsonEqual(current, row.assumed))) {
      settle(row, againstStored(policy, row, current));
      continue;
    }
    const refusal = policy.check(current, row.next);
    if (refusal) {
      rejected.push({ id: row.id, reason: refusal });
      continue;
    }
    policy.accept(current, row.next);
    (current ? updates : inserts).push(row);
  }
  // The sequence lock is taken before the first write and held to commit, so every row gets its final seq in the
  // statement that writes it and commit order equals seq order across all writers (a second UPDATE of every row
  // for its seq cost as much as the write itself). Row locks and push locks are always taken before it.
  if (inserts.length || updates.length) await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCE_LOCK]);
  const inserted = inserts.length
    ? await tx.query<{ id: string }>(
        `INSERT INTO documents (collection, id, data, deleted, school_id, municipality_id, seq)
         SELECT $1, x.id, x.data, x.deleted, x.school_id, x.municipality_id, nextval('document_seq')
         FROM jsonb_to_recordset($2::jsonb) AS ${RECORD_COLUMNS}
         ON CONFLICT (collection, id) DO NOTHING RETURNING id`,
        [collection, asRecords(inserts)],
      )
    : [];
  // Created by a concurrent push between our read and our insert (it committed while we waited for the sequence
  // lock): the same state is a success (issue 8.8: two processes given one create), another state a conflict, as
  // for any stored row.
  const insertedIds = new Set(inserted.map((i) => i.id));
  const raced = inserts.filter((row) => !insertedIds.has(row.id));
  if (raced.length) {
    const current = await tx.query<DocumentRow>(
      `SELECT id, data, deleted, seq FROM documents WHERE collection = $1 AND id = ANY($2::text[])`,
      [collection, raced.map((r) => r.id)],
    );
    const byId = new Map(current.map((row) => [row.id, toWire(row)]));
    for (const row of raced) {
      const state = byId.get(row.id);
      if (state) settle(row, againstStored(policy, row, state));
    }
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
  const writes = [
    ...inserts.filter((row) => insertedIds.has(row.id)).map((row) => ({ row, previous: null })),
    ...updates.map((row) => ({ row, previous: stored.get(row.id) ?? null })),
  ];
  const written = writes.map(({ row }) => row.id);
  const scopes = scopesOfWrites(
    collection,
    writes.map(({ row, previous }) => ({ id: row.id, previous, next: row.next })),
  );
  return { ok: true, conflicts, rejected, written, scopes };
}
