import { EventEmitter } from 'node:events';
import pg from 'pg';

/** What changed, without the data: devices that may read it pull it with their own rights. */
export interface Change {
  collection: string;
  ids: string[];
}

export interface ChangeFeed {
  /** Call after the transaction committed: listeners must never hear of a change they cannot pull yet. */
  publish(change: Change): void;
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'atbalsts_changes';
/** NOTIFY payloads are limited to 8000 bytes; beyond this many ids the listeners simply re-pull the collection. */
const MAX_IDS_IN_PAYLOAD = 100;

function emitterFeed(): ChangeFeed & { emit(change: Change): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (change) => emitter.emit('change', change),
    publish: (change) => emitter.emit('change', change),
    subscribe(listener) {
      emitter.on('change', listener);
      return () => emitter.off('change', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** One process (embedded PGlite): changes go straight to this process's streams. */
export function localChangeFeed(): ChangeFeed {
  return emitterFeed();
}

/**
 * Several processes over one PostgreSQL: each publishes with NOTIFY and every process (itself included) hears it
 * through LISTEN on a dedicated connection, so a push to one process reaches devices streaming from another.
 */
export async function postgresChangeFeed(connectionString: string, options?: string): Promise<ChangeFeed> {
  const local = emitterFeed();
  const listener = new pg.Client({ connectionString, ...(options ? { options } : {}) });
  const notifier = new pg.Pool({ connectionString, max: 2, ...(options ? { options } : {}) });
  notifier.on('error', () => {});
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      local.emit(JSON.parse(message.payload) as Change);
    } catch {
      // A malformed payload from a foreign NOTIFY on our channel: ignore it.
    }
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    publish(change) {
      const payload = JSON.stringify({ collection: change.collection, ids: change.ids.slice(0, MAX_IDS_IN_PAYLOAD) });
      notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => {
        // The database is unreachable: devices still catch up by polling and on reconnect (RESYNC).
      });
    },
    subscribe: (l) => local.subscribe(l),
    async close() {
      await local.close();
      await listener.end().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}
