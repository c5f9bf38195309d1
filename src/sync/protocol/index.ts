/**
 * The wire contract between the device and the replication server; both sides import it and nothing else crosses.
 * Shapes follow RxDB's HTTP replication: pull by a server-owned sequence checkpoint, push with the assumed master state.
 */
import { z } from 'zod';
import { collectionNames, entitySchemas, type CollectionName, type EntityOf } from '../../domain';

export const API_PREFIX = '/api';
export const SYNC_PREFIX = `${API_PREFIX}/sync`;
export const PULL_MAX_BATCH = 500;
export const PUSH_MAX_ROWS = 200;

export const collectionNameSchema = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

/** A document as it travels: the entity plus its tombstone flag. */
export type WireDocument<C extends CollectionName = CollectionName> = EntityOf<C> & { _deleted: boolean };

/**
 * Server-owned, strictly increasing; commit order equals sequence order. `scope` fingerprints what the user could
 * read when the checkpoint was made: when their reach grows (a new school), the server starts them from zero.
 */
export const checkpointSchema = z.object({ seq: z.number().int().min(0), scope: z.string().max(64).optional() });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pullQuerySchema = z.object({
  seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_BATCH),
  scope: z.string().max(64).optional(),
  /** Ask how many readable documents remain after this batch (for a catch-up progress bar). */
  count: z.literal('1').optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export interface PullResponse<C extends CollectionName = CollectionName> {
  documents: WireDocument<C>[];
  checkpoint: Checkpoint;
  /** Present when asked for: readable documents after this batch's checkpoint. */
  remaining?: number;
}

/** Validates one pushed document of a collection: the domain schema plus `_deleted`. */
export function wireDocumentSchema(collection: CollectionName) {
  const entity = entitySchemas[collection];
  return z.intersection(entity, z.object({ _deleted: z.boolean() }));
}

export const pushRowShape = z.object({
  assumedMasterState: z.unknown().nullable().optional(),
  newDocumentState: z.unknown(),
});
export const pushBodySchema = z.array(pushRowShape).max(PUSH_MAX_ROWS);
export interface PushRow<C extends CollectionName = CollectionName> {
  assumedMasterState?: WireDocument<C> | null;
  newDocumentState: WireDocument<C>;
}
/**
 * `conflicts`: only real ones, the server's current state of each document whose assumed master state was stale.
 * `rejected`: documents this user may not write, with a reason code; nothing was stored for them, and the device
 * keeps its copy and shows the reason next to it.
 */
export interface PushResponse<C extends CollectionName = CollectionName> {
  conflicts: WireDocument<C>[];
  rejected: { id: string; reason: string }[];
}

/** Order-insensitive JSON equality: push idempotency and conflict detection compare stored and assumed states. */
export { jsonEquals as jsonEqual } from '../../domain';

export interface HealthResponse {
  status: 'ok';
  database: 'postgres' | 'pglite';
  schemaVersion: string;
}

export interface ApiError {
  error: string;
  message: string;
  details?: unknown;
}

export const pullPath = (collection: CollectionName) => `${SYNC_PREFIX}/${collection}/pull`;
export const pushPath = (collection: CollectionName) => `${SYNC_PREFIX}/${collection}/push`;
