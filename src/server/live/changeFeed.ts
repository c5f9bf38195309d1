import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { ScopeFacts } from './changeScopes';

/**
 * What changed, without the data: devices that may read it pull it with their own rights. `scopes` says where the
 * written documents sit now and where they left from, so each stream hears only of what concerns it; `'wide'` (a
 * write too varied to describe in one notification) reaches every stream. Without scopes, the listening process
 * looks them up by `ids`.
 */
export interface Change {
  collection: string;
  ids: string[];
  scopes?: ScopeFacts[] | 'wide';
}

export interface ChangeFeed {
  /** Call after the transaction committed: listeners must never hear of a change they cannot pull yet. */
  publish(change: Change): void;
  subscribe(listener: (change: Change) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'atbalsts_changes';
/** NOTIFY payloads are limited to 8000 bytes. */
const MAX_PAYLOAD_BYTES = 7_900;
const MAX_IDS_IN_PAYLOAD = 100;

/**
 * The notification for a change: its scopes when it has them (a few per write: one per school for a batch of
 * learners), else its ids; a change too varied for one payload is sent wide rather than lost.
 */
export function notificationPayload(change: Change): string {
  const { collection } = change;
  const described = change.scopes !== undefined || change.ids.length <= MAX_IDS_IN_PAYLOAD;
  const payload = JSON.stringify(change.scopes ? { collection, ids: [], scopes: change.scopes } : change);
  return described && Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES
    ? payload
    : JSON.stringify({ collection, ids: [], scopes: 'wide' });
}

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
      const payload = notificationPayload(change);
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
