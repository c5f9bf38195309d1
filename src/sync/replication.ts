import { combineLatest, merge, type Observable, type Subscription } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { collectionNames, type CollectionName } from '../domain';
import { STORAGE_KEYS, type AtbalstsDatabase } from '../db';
import { AuthError } from './auth/api';
import { openLiveStream, STREAM_PATH } from './liveStream';
import {
  pullPath,
  pushPath,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type WireDocument,
} from './protocol';
import { CatchUpTracker } from './catchUp';
import { PendingChanges } from './pending';
import { useRejections } from './rejections';
import { useSyncStatus } from './syncStatus';

export interface ReplicationOptions {
  /** Origin of the replication server; '' means the origin the app was loaded from. */
  baseUrl?: string;
  /** Signs requests (auth/tokens TokenKeeper.fetch). */
  fetch?: typeof fetch;
  /** The server refused the person (e.g. account_disabled): the session decides what to do. */
  onAuthFailure?: (code: string) => void;
  /** The server now filters by a different reach (schools, roles): what left it must leave the device. */
  onReachChanged?: () => void;
  /** Listen to the server's change stream (default true); without it, changes arrive by polling. */
  live?: boolean;
  /** How often to ask for changes anyway (a safety net under the live stream). */
  pollIntervalMs?: number;
  pullBatchSize?: number;
  /** How long to wait before retrying a failed request (RxDB's retryTime). */
  retryTimeMs?: number;
}

export interface ReplicationHandle {
  states: RxReplicationState<unknown, Checkpoint>[];
  resync(): void;
  /** Resolves true once everything local reached the server, false if that did not happen within `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Wiring {
  pending: PendingChanges;
  catchUp: CatchUpTracker;
  baseUrl: string;
  doFetch: typeof fetch;
  pullBatchSize: number;
  retryTimeMs: number;
  onAuthFailure: (code: string) => void;
  onReachChanged: () => void;
  stream?: Observable<RxReplicationPullStreamItem<unknown, Checkpoint>>;
}

async function requestJson<T>(wiring: Wiring, url: string, init?: RequestInit): Promise<T> {
  try {
    const response = await wiring.doFetch(url, {
      ...init,
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
    });
    if (!response.ok) throw new HttpError(response.status, `${init?.method ?? 'GET'} ${url} → ${response.status}`);
    return (await response.json()) as T;
  } catch (error) {
    if (error instanceof AuthError) wiring.onAuthFailure(error.code);
    throw error;
  }
}

function replicateCollection(collection: RxCollection, name: CollectionName, wiring: Wiring) {
  const { baseUrl, pullBatchSize } = wiring;
  return replicateRxCollection<unknown, Checkpoint>({
    collection,
    replicationIdentifier: `atbalsts-http-${name}-${baseUrl || 'same-origin'}`,
    live: true,
    retryTime: wiring.retryTimeMs,
    waitForLeadership: false,
    pull: {
      batchSize: pullBatchSize,
      ...(wiring.stream ? { stream$: wiring.stream } : {}),
      handler: async (checkpoint, batchSize) => {
        const scope = checkpoint?.scope ? `&scope=${encodeURIComponent(checkpoint.scope)}` : '';
        const count = wiring.catchUp.shouldCount(name, checkpoint != null) ? '&count=1' : '';
        const body = await requestJson<PullResponse>(
          wiring,
          `${baseUrl}${pullPath(name)}?seq=${checkpoint?.seq ?? 0}&limit=${batchSize}${scope}${count}`,
        );
        wiring.catchUp.record(name, body.documents.length, body.remaining);
        if (checkpoint?.scope && body.checkpoint.scope !== checkpoint.scope) wiring.onReachChanged();
        return { documents: body.documents as WireDocument[], checkpoint: body.checkpoint };
      },
    },
    push: {
      batchSize: 50,
      handler: async (rows) => {
        const response = await requestJson<PushResponse>(wiring, `${baseUrl}${pushPath(name)}`, {
          method: 'POST',
          body: JSON.stringify(rows),
        });
        const pushedIds = rows.map((row) => String((row.newDocumentState as unknown as { id: string }).id));
        useRejections.getState().record(name, pushedIds, response.rejected);
        wiring.pending.acknowledge(
          name,
          pushedIds,
          response.conflicts.map((c) => String(c.id)),
        );
        return response.conflicts;
      },
    },
  });
}

/** Starts replicating every open collection; kept apart from opening the database so the app works offline. */
export function startReplication(db: AtbalstsDatabase, options: ReplicationOptions = {}): ReplicationHandle {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const open = collectionNames.filter((name) => name in db.collections);
  const pending = new PendingChanges(`${STORAGE_KEYS.pendingPrefix}${db.name}`);
  for (const name of open) pending.track(name, db.collections[name] as RxCollection);
  const catchUp = new CatchUpTracker((progress) => useSyncStatus.setState({ catchUp: progress }));
  const live = options.live === false ? null : openLiveStream(`${baseUrl}${STREAM_PATH}`, doFetch, open);
  const states = open.map((name) =>
    replicateCollection(db.collections[name] as RxCollection, name, {
      pending,
      catchUp,
      baseUrl,
      doFetch,
      pullBatchSize: options.pullBatchSize ?? 200,
      retryTimeMs: options.retryTimeMs ?? 5_000,
      onAuthFailure: options.onAuthFailure ?? (() => {}),
      onReachChanged: options.onReachChanged ?? (() => {}),
      ...(live
        ? { stream: live.streams.get(name) as Observable<RxReplicationPullStreamItem<unknown, Checkpoint>> }
        : {}),
    }),
  );
  const subscriptions: Subscription[] = [];
  const status = useSyncStatus;

  subscriptions.push(
    combineLatest(states.map((s) => s.active$)).subscribe((actives) => {
      const syncing = actives.some(Boolean);
      const wasSyncing = status.getState().syncing;
      status.setState({ syncing });
      if (wasSyncing && !syncing && !status.getState().error) status.setState({ lastSyncedAt: Date.now() });
    }),
    merge(...states.map((s) => s.error$)).subscribe(() => status.setState({ error: 'sync.errorServer' })),
    merge(...states.map((s) => s.received$), ...states.map((s) => s.sent$)).subscribe(() =>
      status.setState({ error: null, lastSyncedAt: Date.now() }),
    ),
  );

  const resync = () => states.forEach((s) => s.reSync());
  const onOnline = () => {
    status.setState({ online: true });
    resync();
  };
  const onOffline = () => status.setState({ online: false });
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }
  const timer = setInterval(() => {
    if (status.getState().online) resync();
  }, options.pollIntervalMs ?? 60_000);

  return {
    states,
    resync,
    async flush(timeoutMs) {
      // awaitInSync never resolves offline, so it is raced against a timer and never blocks the UI.
      const inSync = Promise.all(states.map((s) => s.awaitInSync())).then(() => true);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
      resync();
      return Promise.race([inSync, timeout]);
    },
    async stop() {
      clearInterval(timer);
      status.setState({ catchUp: null });
      if (hasWindow) {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      live?.close();
      pending.stop();
      subscriptions.forEach((s) => s.unsubscribe());
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
