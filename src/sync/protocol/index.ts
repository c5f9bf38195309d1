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

type JsonPath = (string | number)[];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The keys of `raw` that the schema dropped while parsing it into `parsed`, at any depth. The domain's object
 * schemas strip unknown keys (they must: RxDB hands the device's own code documents with `_deleted` in them), so
 * what is missing from the parsed value was unknown. Defaults only add keys, so they never show up here.
 */
export function unknownKeyPaths(raw: unknown, parsed: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => unknownKeyPaths(item, parsed[i], [...path, i]));
  }
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? unknownKeyPaths(raw[key], parsed[key], [...path, key]) : [[...path, key]],
  );
}

/**
 * Validates one pushed document of a collection, strictly: the domain schema plus `_deleted`, and no key the schema
 * does not know, at any depth (issue 8.9: unknown keys were stored verbatim and sent to every reader).
 *
 * Older and newer devices: a device that sends a field this server does not know (a newer app against an older
 * server, or a hostile one) is refused with the key named in the issue's path, so nothing unknown is ever stored and
 * the person sees which record was refused; deploy servers before the apps that send a new field. A field the
 * schema drops later is listed in RETIRED_FIELDS for a release: devices still holding it have it removed on
 * arrival instead of being refused.
 */
export function wireDocumentSchema<C extends CollectionName>(collection: C): z.ZodType<WireDocument<C>> {
  // Built once per collection: zod compiles a schema's parser on first use, so a fresh one per push costs dearly.
  const cached = wireSchemas.get(collection);
  if (cached) return cached as unknown as z.ZodType<WireDocument<C>>;
  const schema = strictWireSchema(collection);
  wireSchemas.set(collection, schema as unknown as z.ZodType);
  return schema;
}
const wireSchemas = new Map<CollectionName, z.ZodType>();

function strictWireSchema<C extends CollectionName>(collection: C): z.ZodType<WireDocument<C>> {
  const loose = z.intersection(entitySchemas[collection], z.object({ _deleted: z.boolean() }));
  return z.unknown().transform((raw, ctx) => {
    const parsed = loose.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    for (const path of unknownKeyPaths(raw, parsed.data)) {
      ctx.addIssue({ code: 'custom', message: `unknown key "${String(path.at(-1))}"`, path });
    }
    return parsed.data as WireDocument<C>;
  });
}

/** Top-level fields removed from a collection's schema, still sent by devices that have not updated yet. */
export const RETIRED_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {};

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
export * from './reports';
export * from './learners';
