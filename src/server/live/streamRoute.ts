import type { FastifyInstance } from 'fastify';
import { SYNC_PREFIX } from '../../sync/protocol';
import { requireUser } from '../auth/authenticate';
import type { Store } from '../store/store';
import type { ChangeFeed } from './changeFeed';

const HEARTBEAT_MS = 25_000;
export const STREAM_PATH = `${SYNC_PREFIX}/stream`;

/**
 * Server-Sent Events per signed-in device: `RESYNC` on (re)connect, then the name of each collection that changed,
 * after commit. Devices pull the changes with their own rights, so the stream carries no data: at most the name
 * of a collection in which something changed.
 */
export function registerStreamRoute(app: FastifyInstance, store: Store, feed: ChangeFeed): void {
  const open = new Set<() => void>();
  // Streams never end on their own: ending them before the server closes, or it would wait for every device.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get(STREAM_PATH, async (request, reply) => {
    const actor = await requireUser(store, request, reply);
    if (!actor) return reply;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (data: string) => raw.write(`data: ${data}\n\n`);
    send('RESYNC');
    const unsubscribe = feed.subscribe((change) => send(JSON.stringify({ collection: change.collection })));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      unsubscribe();
      raw.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
