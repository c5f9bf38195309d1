import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  collectionNameSchema,
  pullQuerySchema,
  pushBodySchema,
  PUSH_MAX_ROWS,
  SYNC_PREFIX,
  type PullResponse,
  type PushResponse,
} from '../../sync/protocol';
import { audit } from '../audit/audit';
import { requireUser } from '../auth/authenticate';
import type { AuthenticatedUser } from '../auth/scope';
import type { Store } from '../store/store';
import type { ChangeFeed } from '../live/changeFeed';
import { pushDocuments } from './documents';
import { countRemaining, pullDocuments } from './pull';

/** Characters of the reach fingerprint a checkpoint carries: enough to tell reaches apart, short in every URL. */
const SCOPE_FINGERPRINT_LENGTH = 16;
/** A refused push names at most this many of its problems: enough to fix the client, small whatever was sent. */
const MAX_PROBLEMS_SHOWN = 10;

/** Changes whenever the set of schools or municipalities a user reaches changes. */
function scopeFingerprint(actor: AuthenticatedUser): string {
  const reach = JSON.stringify([
    [...actor.schoolIds].sort(),
    [...actor.municipalityIds].sort(),
    [...actor.roles].sort(),
  ]);
  return createHash('sha256').update(reach).digest('base64url').slice(0, SCOPE_FINGERPRINT_LENGTH);
}

async function collectionOf(request: FastifyRequest<{ Params: { collection: string } }>, reply: FastifyReply) {
  const parsed = collectionNameSchema.safeParse(request.params.collection);
  if (parsed.success) return parsed.data;
  await reply.code(404).send({ error: 'unknown_collection', message: `No collection "${request.params.collection}"` });
  return null;
}

export function registerReplicationRoutes(app: FastifyInstance, store: Store, feed: ChangeFeed): void {
  app.get<{ Params: { collection: string }; Querystring: Record<string, string> }>(
    `${SYNC_PREFIX}/:collection/pull`,
    async (request, reply) => {
      const collection = await collectionOf(request, reply);
      if (!collection) return reply;
      const query = pullQuerySchema.safeParse(request.query);
      if (!query.success) {
        return reply.code(400).send({ error: 'invalid_query', message: 'seq and limit must be whole numbers' });
      }
      const actor = await requireUser(store, request, reply);
      if (!actor) return reply;
      const scope = scopeFingerprint(actor);
      const from = query.data.scope === scope ? query.data.seq : 0;
      const batch = await pullDocuments(store, collection, from, query.data.limit, actor);
      if (collection === 'notes') {
        const received = batch.documents.filter(
          (d) => !d._deleted && (d as { authorId?: string }).authorId !== actor.userId,
        );
        if (received.length)
          await audit(
            store,
            actor.userId,
            'receive_confidential',
            collection,
            received.map((d) => d.id),
          );
      }
      const remaining =
        query.data.count === undefined
          ? undefined
          : batch.documents.length < query.data.limit
            ? 0
            : await countRemaining(store, collection, batch.checkpoint.seq, actor);
      return {
        documents: batch.documents,
        checkpoint: { seq: batch.checkpoint.seq, scope },
        ...(remaining === undefined ? {} : { remaining }),
      } satisfies PullResponse;
    },
  );

  app.post<{ Params: { collection: string } }>(`${SYNC_PREFIX}/:collection/push`, async (request, reply) => {
    const collection = await collectionOf(request, reply);
    if (!collection) return reply;
    const body = pushBodySchema.safeParse(request.body);
    if (!body.success) {
      return reply.code(400).send({
        error: 'invalid_push',
        message: `The body must be an array of at most ${PUSH_MAX_ROWS} rows of { assumedMasterState, newDocumentState }`,
        details: body.error.issues.slice(0, MAX_PROBLEMS_SHOWN),
      });
    }
    const actor = await requireUser(store, request, reply);
    if (!actor) return reply;
    // Validation, then every rule check under its locks, the writes and the audit: one transaction.
    const result = await pushDocuments(store, collection, body.data, {
      writer: actor,
      audit: { userId: actor.userId },
    });
    if (!result.ok) {
      return reply.code(400).send({
        error: 'invalid_document',
        message: 'Nothing was stored: some documents are invalid',
        details: result.problems,
      });
    }
    // The scopes of the states written and of those they left: the stream tells former readers too.
    if (result.written.length) feed.publish({ collection, ids: result.written, scopes: result.scopes });
    // A conflict hands over the stored note: a colleague's confidential note received this way is audited as in a pull.
    if (collection === 'notes') {
      const received = result.conflicts.filter((d) => (d as { authorId?: string }).authorId !== actor.userId);
      if (received.length) {
        await audit(
          store,
          actor.userId,
          'receive_confidential',
          collection,
          received.map((d) => d.id),
        );
      }
    }
    return { conflicts: result.conflicts, rejected: result.rejected } satisfies PushResponse;
  });
}
