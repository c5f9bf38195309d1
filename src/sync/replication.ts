import type { Observable } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { deepEqual } from 'rxdb/plugins/utils';
import { collectionNames, type CollectionName } from '../domain';
import { sentStatesOf, STORAGE_KEYS, type AtbalstsDatabase } from '../db';
import { AuthError } from './auth/api';
import { openLiveStream, STREAM_PATH } from './liveStream';
import {
  API_PREFIX,
  PULL_MAX_BATCH,
  PUSH_MAX_ROWS,
  pullPath,
  pushPath,
  type Checkpoint,
  type PullResponse,
  type PushResponse,
  type WireDocument,
} from './protocol';
import { CatchUpTracker } from './catchUp';
import { PendingChanges } from './pending';
import {
  closeRejections,
  isRefused,
  openRejections,
  pruneRejections,
  useRejections,
  type RefusalInput,
} from './rejections';
import { reportAnswer, reportFailure, reportSending, useSyncStatus } from './syncStatus';
import { sealServerState, setSealKey, type SealedKind } from './refusalSeal';
import { closeDecisions, openDecisions, recordPushConflicts } from './decisions';

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
  /** While the server does not answer, how often to ask its health. */
  healthProbeMs?: number;
  /** The person's data key: seals the server's state of a refused record, so discarding can restore it. */
  dataKey?: CryptoKey;
}

export interface ReplicationHandle {
  states: RxReplicationState<unknown, Checkpoint>[];
  resync(): void;
  /** Resolves true once everything local reached the server, false if that did not happen within `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const HEALTH_PATH = `${API_PREFIX}/health`;

/**
 * Every request pays authentication and a transaction on the server, so a device pushes and pulls as many rows at
 * once as the server takes (a refused push batch is halved until the row at fault is found, see pushRows).
 */
export const PUSH_BATCH_SIZE = PUSH_MAX_ROWS;
export const PULL_BATCH_SIZE = PULL_MAX_BATCH;
/** How long to wait before retrying a failed request (RxDB's retryTime). */
const RETRY_MS = 5_000;
/** A safety net under the live stream: ask for changes this often anyway. */
const POLL_INTERVAL_MS = 60_000;
/** While the server does not answer, ask its health this often. */
const HEALTH_PROBE_MS = 3_000;
/** An answer with this status or above says the server is not working, whatever its body. */
const FIRST_SERVER_ERROR_STATUS = 500;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
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
  sealServerState: (
    collection: CollectionName,
    id: string,
    state: unknown,
    kind?: SealedKind,
  ) => Promise<string | undefined>;
  stream?: Observable<RxReplicationPullStreamItem<unknown, Checkpoint>>;
}

/** Any answer of the server (even a refusal) proves it reachable; only no answer or a 5xx says it is not. */
async function requestJson<T>(wiring: Wiring, url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await wiring.doFetch(url, {
      ...init,
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
    });
  } catch (error) {
    if (error instanceof AuthError) {
      reportAnswer();
      wiring.onAuthFailure(error.code);
    } else reportFailure();
    throw error;
  }
  if (response.status >= FIRST_SERVER_ERROR_STATUS) {
    reportFailure();
    throw new HttpError(response.status, `${init?.method ?? 'GET'} ${url} → ${response.status}`, null);
  }
  reportAnswer();
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new HttpError(response.status, `${init?.method ?? 'GET'} ${url} → ${response.status}`, body);
  }
  return (await response.json()) as T;
}

interface RowProblem {
  row: number;
  path: string;
  message: string;
}

function problemsOf(error: unknown): RowProblem[] | null {
  if (!(error instanceof HttpError) || error.status !== 400) return null;
  const body = error.body as { error?: unknown; details?: unknown } | null;
  if (body?.error !== 'invalid_document' || !Array.isArray(body.details)) return null;
  return body.details as RowProblem[];
}
const said = (problem: RowProblem) => `${String(problem?.path)}: ${String(problem?.message)}`;

/**
 * The rows of this batch a 400 invalid_document names, or null when it names none of them. A problem tied to no
 * row (row −1, e.g. the same document twice) or to a row the batch does not have is no row's fault: the caller
 * treats such an answer as a refusal of the whole body and narrows it down, never as something to retry.
 */
function invalidRows(error: unknown, count: number): Map<number, string> | null {
  const problems = problemsOf(error);
  if (!problems) return null;
  const rows = new Map<number, string>();
  for (const problem of problems) {
    const row = problem?.row;
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0 || row >= count) continue;
    rows.set(row, rows.has(row) ? `${rows.get(row)}; ${said(problem)}` : said(problem));
  }
  return rows.size ? rows : null;
}

type Row = RxReplicationWriteToMasterRow<unknown>;
const idOf = (doc: unknown) => String((doc as { id: unknown }).id);

/** A 4xx refusing the whole body without naming rows (e.g. a body parser's), as code and message; else null. */
function wholeBodyRefusal(error: unknown): { code: string; message: string } | null {
  if (!(error instanceof HttpError) || ![400, 413, 422].includes(error.status)) return null;
  const body = error.body as { error?: unknown; message?: unknown } | null;
  // The server's words: its message, or the problems it names without a row (invalid_document's row −1).
  const rowless = (problemsOf(error) ?? []).map(said).join('; ');
  const message = typeof body?.message === 'string' ? body.message : rowless;
  return {
    code: typeof body?.error === 'string' ? body.error : `http_${error.status}`,
    message: message.slice(0, 300),
  };
}

type PushOutcome = PushResponse & { invalid: RefusalInput[] };
const NOTHING: PushOutcome = { conflicts: [], rejected: [], invalid: [] };
const both = (a: PushOutcome, b: PushOutcome): PushOutcome => ({
  conflicts: [...a.conflicts, ...b.conflicts],
  rejected: [...a.rejected, ...b.rejected],
  invalid: [...a.invalid, ...b.invalid],
});

/**
 * Sends rows. Rows the server names as invalid (one invalid document refuses the whole batch) are refused on the
 * device with the server's words and the rest is sent again; a refusal of the whole body that names no rows is
 * narrowed down by halves to the rows that cause it. One bad record never holds up the others, nor keeps the
 * device retrying forever. Halves already stored are stored once: pushes are idempotent.
 */
async function pushRows(wiring: Wiring, name: CollectionName, rows: Row[]): Promise<PushOutcome> {
  if (rows.length === 0) return NOTHING;
  const url = `${wiring.baseUrl}${pushPath(name)}`;
  try {
    const response = await requestJson<PushResponse>(wiring, url, { method: 'POST', body: JSON.stringify(rows) });
    return { ...response, invalid: [] };
  } catch (error) {
    const bad = invalidRows(error, rows.length);
    if (bad) {
      const invalid: RefusalInput[] = [];
      for (const [index, detail] of bad) {
        const row = rows[index];
        if (row) invalid.push({ id: idOf(row.newDocumentState), reason: 'invalid_document', detail });
      }
      const rest = await pushRows(
        wiring,
        name,
        rows.filter((_, index) => !bad.has(index)),
      );
      return both({ ...NOTHING, invalid }, rest);
    }
    const whole = wholeBodyRefusal(error);
    if (!whole) throw error;
    const [only] = rows;
    if (rows.length === 1 && only) {
      return {
        ...NOTHING,
        invalid: [
          { id: idOf(only.newDocumentState), reason: whole.code, ...(whole.message ? { detail: whole.message } : {}) },
        ],
      };
    }
    const half = Math.ceil(rows.length / 2);
    const first = await pushRows(wiring, name, rows.slice(0, half));
    return both(first, await pushRows(wiring, name, rows.slice(half)));
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
        wiring.catchUp.record(name, body.documents.length, body.remaining, body.documents.length >= batchSize);
        // A refused record's server version replaces the refused change on the device (RxDB took that push as
        // sent); the change itself stays sealed beside its refusal until the person takes it up or discards it.
        for (const doc of body.documents) {
          const id = idOf(doc);
          if (isRefused(name, id)) useRejections.getState().serverMoved(name, id);
        }
        if (checkpoint?.scope && body.checkpoint.scope !== checkpoint.scope) wiring.onReachChanged();
        return { documents: body.documents as WireDocument[], checkpoint: body.checkpoint };
      },
    },
    push: {
      batchSize: PUSH_BATCH_SIZE,
      handler: async (rows) => {
        reportSending(1);
        // Before sending: if the answer is lost, the next push will meet these states as the server's.
        sentStatesOf(collection.database).remember(
          rows.map((row) => row.newDocumentState as unknown as Record<string, unknown>),
        );
        try {
          const response = await pushRows(wiring, name, rows);
          const pushedIds = rows.map((row) => idOf(row.newDocumentState));
          const assumed = new Map(rows.map((row) => [idOf(row.newDocumentState), row.assumedMasterState]));
          const sent = new Map(rows.map((row) => [idOf(row.newDocumentState), row.newDocumentState]));
          const refused: RefusalInput[] = [
            ...response.invalid,
            ...response.rejected.map((r) => ({ id: String(r.id), reason: String(r.reason) })),
          ];
          const sealed = await Promise.all(
            refused.map(async (r) => {
              const before = assumed.get(r.id);
              const seal = before ? await wiring.sealServerState(name, r.id, before) : undefined;
              const mine = await wiring.sealServerState(name, r.id, sent.get(r.id), 'refused');
              return {
                ...r,
                ...(seal ? { sealedServerState: seal } : {}),
                ...(mine ? { sealedRefusedState: mine } : {}),
              };
            }),
          );
          const conflictIds = response.conflicts.map((c) => String(c.id));
          useRejections.getState().record(name, settledIds(rows, refused, conflictIds), sealed);
          dropDeparted(collection, name, refused, assumed, sent);
          recordPushConflicts(name, conflictIds);
          wiring.pending.acknowledge(name, pushedIds, conflictIds);
          return response.conflicts;
        } finally {
          reportSending(-1);
        }
      },
    },
  });
}

/**
 * The pushed records whose change the server took. Not a conflict, and not the server's own state sent back: RxDB
 * may push what its pull just wrote when the two overlap, and that answer says nothing about a refused change, which
 * must stay to be taken up or discarded.
 */
function settledIds(
  rows: readonly RxReplicationWriteToMasterRow<unknown>[],
  refused: readonly RefusalInput[],
  conflictIds: readonly string[],
): string[] {
  const unsettled = new Set([...refused.map((r) => r.id), ...conflictIds]);
  return rows
    .filter((row) => !deepEqual(row.newDocumentState, row.assumedMasterState))
    .map((row) => idOf(row.newDocumentState))
    .filter((id) => !unsettled.has(id));
}

/** The server's answer for a record whose id is taken by one the writer may not read (server: HIDDEN_RECORD). */
const NOT_AVAILABLE = 'idNotAvailable';

/**
 * A record this device held (it pushed from a server state) that the server now keeps from this person: it left
 * their reach while a change of theirs was on its way (a learner moved to another school). Had the departure been
 * pulled after the refusal, RxDB would have applied it; pulled while the push was in flight, it was overwritten when
 * RxDB took the refused push as sent, and it will not come again. So the local copy goes here, outside the push
 * (a write inside it would wait for it), and the change itself stays sealed beside its refusal.
 */
function dropDeparted(
  collection: RxCollection,
  name: CollectionName,
  refused: readonly RefusalInput[],
  assumed: ReadonlyMap<string, unknown>,
  sent: ReadonlyMap<string, unknown>,
) {
  const departed = refused.filter(
    (r) =>
      r.reason === NOT_AVAILABLE &&
      assumed.get(r.id) != null &&
      (sent.get(r.id) as { _deleted?: boolean } | undefined)?._deleted !== true,
  );
  if (departed.length === 0) return;
  for (const r of departed) useRejections.getState().departed(name, r.id);
  setTimeout(() => {
    void (async () => {
      for (const r of departed) await (await collection.findOne(r.id).exec())?.remove();
    })().catch(() => undefined);
  }, 0);
}

/** Starts replicating every open collection; kept apart from opening the database so the app works offline. */
export function startReplication(db: AtbalstsDatabase, options: ReplicationOptions = {}): ReplicationHandle {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const open = collectionNames.filter((name) => name in db.collections);
  const pending = new PendingChanges(`${STORAGE_KEYS.pendingPrefix}${db.name}`);
  for (const name of open) pending.track(name, db.collections[name] as RxCollection);
  const catchUp = new CatchUpTracker((progress) => useSyncStatus.setState({ catchUp: progress }));
  const live =
    options.live === false
      ? null
      : openLiveStream(`${baseUrl}${STREAM_PATH}`, doFetch, open, {
          onAnswer: reportAnswer,
          onFailure: reportFailure,
          onAuthFailure: (code) => options.onAuthFailure?.(code),
        });
  setSealKey(options.dataKey ? { key: options.dataKey, owner: db.name } : null);
  const states = open.map((name) =>
    replicateCollection(db.collections[name] as RxCollection, name, {
      pending,
      catchUp,
      baseUrl,
      doFetch,
      pullBatchSize: options.pullBatchSize ?? PULL_BATCH_SIZE,
      retryTimeMs: options.retryTimeMs ?? RETRY_MS,
      onAuthFailure: options.onAuthFailure ?? (() => {}),
      onReachChanged: options.onReachChanged ?? (() => {}),
      sealServerState: (collection, id, state, kind) => sealServerState(db.name, collection, id, state, kind),
      ...(live
        ? { stream: live.streams.get(name) as Observable<RxReplicationPullStreamItem<unknown, Checkpoint>> }
        : {}),
    }),
  );
  const status = useSyncStatus;
  openRejections(db.name);
  openDecisions(db.name);
  void pruneRejections(async (r) => {
    const collection = db.collections[r.collection] as RxCollection | undefined;
    return Boolean(collection && (await collection.findOne(r.id).exec()));
  });

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
  }, options.pollIntervalMs ?? POLL_INTERVAL_MS);
  // While the server does not answer, ask its health every few seconds: the indicator clears at the first answer,
  // and every collection pulls and pushes at once rather than when RxDB's own retry comes round.
  const probeEvery = options.healthProbeMs ?? HEALTH_PROBE_MS;
  const probe = setInterval(() => {
    const facts = status.getState();
    if (!facts.online || facts.errorsSinceSuccess === 0) return;
    void doFetch(`${baseUrl}${HEALTH_PATH}`, { cache: 'no-store' })
      .then((response) => {
        if (response.status >= FIRST_SERVER_ERROR_STATUS) return reportFailure();
        reportAnswer();
        resync();
      })
      .catch(() => reportFailure());
  }, probeEvery);

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
      clearInterval(probe);
      closeRejections();
      closeDecisions();
      setSealKey(null);
      status.setState({ catchUp: null });
      if (hasWindow) {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      live?.close();
      pending.stop();
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
