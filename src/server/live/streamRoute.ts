import type { FastifyInstance } from 'fastify';
import { SYNC_PREFIX } from '../../sync/protocol';
import { requireSession } from '../auth/authenticate';
import type { Store } from '../store/store';
import type { ChangeFeed } from './changeFeed';
import { StreamHub, type OpenStream } from './streamHub';

const HEARTBEAT_MS = 25_000;
export const STREAM_PATH = `${SYNC_PREFIX}/stream`;

export interface StreamOptions {
  /** How often open streams' sessions are checked (tests shorten it). */
  sessionCheckMs?: number;
}

/**
 * Server-Sent Events per signed-in device: `RESYNC` on (re)connect, then the name of each collection in which
 * something the person may read changed (or left their reach), after commit. Devices pull the changes with their
 * own rights, so the stream carries no data. The stream ends when its session is signed out or revoked, or the
 * account is disabled.
 */
export function registerStreamRoute(
  app: FastifyInstance,
  store: Store,
  feed: ChangeFeed,
  options: StreamOptions = {},
): void {
  const hub = new StreamHub(store, feed, options.sessionCheckMs);
  // Streams never end on their own: ending them before the server closes, or it would wait for every device.
  app.addHook('preClose', async () => hub.close());
  app.get(STREAM_PATH, async (request, reply) => {
    // The session, not the access token, is what the stream belongs to: tokens rotate, the session stays.
    const session = await requireSession(store, request, reply);
    if (!session) return reply;
    const { actor } = session;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    let ended = false;
    const stream: OpenStream = {
      userId: actor.userId,
      sessionId: session.sessionId,
      actor,
      send: (data) => raw.write(`data: ${data}\n\n`),
      end() {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        hub.remove(stream);
        raw.end();
      },
    };
    stream.send('RESYNC');
    hub.add(stream);
    request.raw.on('close', () => stream.end());
  });
}
