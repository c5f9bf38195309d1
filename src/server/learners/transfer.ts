import {
  addDays,
  localDate,
  movesWithLearners,
  scheduleAfterTransfer,
  transferProblem,
  transferredLearner,
  transferredRecord,
  TRANSFERRED_COLLECTIONS,
  type CollectionName,
  type Learner,
  type Schedule,
  type TransferProblem,
} from '../../domain';
import type { LearnerTransferRequest, LearnerTransferResponse, WireDocument } from '../../sync/protocol';
import { audit } from '../audit/audit';
import type { AuthenticatedUser } from '../auth/scope';
import type { ScopeFacts } from '../live/changeScopes';
import { writeDocuments, type ValidRow } from '../replication/documents';
import type { Queryable, Store } from '../store/store';

export class TransferFailure extends Error {
  constructor(readonly code: TransferProblem) {
    super(code);
  }
}

interface StoredRow {
  id: string;
  data: Record<string, unknown>;
}

/** What the transfer wrote, per collection: for the live stream (after commit) and the answer. */
export interface TransferOutcome {
  response: LearnerTransferResponse;
  writes: { collection: CollectionName; ids: string[]; scopes: ScopeFacts[] }[];
}

/**
 * The learners' records that may move with them, locked in id order: every live record of their schools naming
 * one of them (which of those move is decided by movesWithLearners / scheduleAfterTransfer).
 */
async function recordsNaming(
  tx: Queryable,
  collection: CollectionName,
  schoolIds: string[],
  learnerIds: string[],
): Promise<StoredRow[]> {
  const naming =
    collection === 'consultations'
      ? `EXISTS (SELECT 1 FROM jsonb_array_elements(data->'attendees') a WHERE a->>'learnerId' = ANY($3::text[]))`
      : collection === 'schedules'
        ? `EXISTS (SELECT 1 FROM jsonb_array_elements_text(data->'learnerIds') l(id) WHERE l.id = ANY($3::text[]))`
        : `data->>'learnerId' = ANY($3::text[])`;
  return tx.query<StoredRow>(
    `SELECT id, data FROM documents
      WHERE collection = $1 AND school_id = ANY($2::text[]) AND NOT deleted AND ${naming}
      ORDER BY id FOR UPDATE`,
    [collection, schoolIds, learnerIds],
  );
}

const asWire = (data: Record<string, unknown>) => ({ ...data, _deleted: false }) as WireDocument;
const rowOf = (before: Record<string, unknown>, after: Record<string, unknown>): ValidRow => ({
  id: String(before.id),
  assumed: asWire(before),
  next: asWire(after),
});

/**
 * Moves learners to another school with their records (domain/rules/learnerTransfer), in one transaction: the
 * learners are locked first, so a push editing one of them waits, and then meets the moved state as a conflict.
 * Everything is written by the server's own writer and audited as one transfer; a refusal writes nothing.
 */
export async function transferLearners(
  store: Store,
  actor: AuthenticatedUser,
  request: LearnerTransferRequest,
  now: Date = new Date(),
): Promise<TransferOutcome> {
  return store.transaction(async (tx) => {
    const learnerRows = await tx.query<StoredRow>(
      `SELECT id, data FROM documents WHERE collection = 'learners' AND id = ANY($1::text[]) AND NOT deleted
        ORDER BY id FOR UPDATE`,
      [request.learnerIds],
    );
    const learners = learnerRows.map((r) => r.data as unknown as Learner);
    // Tomorrow, as for every date the server judges: a device east of the server may be in its next day.
    const problem = transferProblem(
      actor,
      request.learnerIds,
      learners,
      request.toSchoolId,
      request.on,
      addDays(localDate(now), 1),
    );
    if (problem) throw new TransferFailure(problem);

    const move = { toSchoolId: request.toSchoolId, on: request.on, byId: actor.userId, at: now.toISOString() };
    const moving = new Set(request.learnerIds);
    const fromSchools = [...new Set(learners.map((l) => l.schoolId))];
    const writes: TransferOutcome['writes'] = [];
    const write = async (collection: CollectionName, rows: ValidRow[]) => {
      if (rows.length === 0) return 0;
      const result = await writeDocuments(tx, collection, rows);
      await audit(tx, actor.userId, 'write', collection, result.written, {
        transfer: { toSchoolId: request.toSchoolId, on: request.on },
      });
      writes.push({ collection, ids: result.written, scopes: result.scopes });
      return result.written.length;
    };

    const movedLearners = await write(
      'learners',
      learners.map((l) => rowOf(l, transferredLearner(l, move))),
    );
    const moved = {} as LearnerTransferResponse['moved'];
    for (const collection of TRANSFERRED_COLLECTIONS) {
      const records = await recordsNaming(tx, collection, fromSchools, request.learnerIds);
      moved[collection] = await write(
        collection,
        records
          .filter((r) => movesWithLearners(collection, r.data, moving))
          .map((r) => rowOf(r.data, transferredRecord(r.data, move))),
      );
    }
    const schedules = await recordsNaming(tx, 'schedules', fromSchools, request.learnerIds);
    const schedulesChanged = await write(
      'schedules',
      schedules.flatMap((r) => {
        const after = scheduleAfterTransfer(r.data as unknown as Schedule, moving, move);
        return after ? [rowOf(r.data, after as unknown as Record<string, unknown>)] : [];
      }),
    );
    return { response: { learners: movedLearners, moved, schedulesChanged }, writes };
  });
}
