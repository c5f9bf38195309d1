import { create } from 'zustand';
import { STORAGE_KEYS } from '../db';
import type { CollectionName } from '../domain';

/** One refused change: why, when, and (sealed with the person's data key) the server's state before it. */
export interface Refusal {
  collection: CollectionName;
  id: string;
  /** A reason code the server sent (see common:rejections), or `invalid_document` with the server's message. */
  reason: string;
  /** For `invalid_document`: which field and what is wrong with it, as the server said. */
  detail?: string;
  at: string;
  /**
   * The server's state the refused change started from, encrypted (it may hold sensitive values); absent for a record
   * the server never had. Discarding the change writes it back.
   */
  sealedServerState?: string;
  /**
   * The person's refused change itself, sealed the same way. The server's next version of the record replaces it on
   * the device (RxDB takes the refused push as sent), so it is kept here until the person takes it up or discards it.
   */
  sealedRefusedState?: string;
  /**
   * A version of the server's newer than the refused change arrived and replaced the change on the device: the
   * record now holds the server's newest state, so discarding leaves it as it is, and taking the change up merges
   * the change onto it.
   */
  superseded?: boolean;
}

export interface RefusalInput {
  id: string;
  reason: string;
  detail?: string;
  sealedServerState?: string;
  sealedRefusedState?: string;
}

interface RejectionState {
  /** The database (one per person) whose refusals these are; null while locked. */
  owner: string | null;
  /** By "collection/id". */
  byDocument: Record<string, Refusal>;
  /**
   * A push was answered: `settledIds` are the records whose change the server took (a refusal of theirs is over),
   * `refused` those it refused. A record pushed but not settled (a conflict, or RxDB re-sending the server's own state)
   * keeps its refusal.
   */
  record(collection: CollectionName, settledIds: string[], refused: RefusalInput[]): void;
  /** The person discarded the change (or the record left the device): forget the refusal. */
  forget(collection: CollectionName, id: string, options?: { discardedByPerson?: boolean }): void;
  /** The server's newer version of a refused record arrived: the refusal stays, and remembers that version. */
  serverMoved(collection: CollectionName, id: string): void;
  /**
   * The local copy is about to be rebuilt (reach changed): the refusal keeps the change itself (sealed), since the
   * record it was on leaves the device; whatever arrives from the server afterwards replaces nothing of it.
   */
  hold(collection: CollectionName, id: string, sealedRefusedState: string | undefined): void;
  /**
   * A refused record left the person's reach (the server keeps it from them now): the device removes its copy, and
   * the refusal stays as it is, with the change sealed — the removal's own refused push is no news.
   */
  departed(collection: CollectionName, id: string): void;
}

export const refusalKey = (collection: string, id: string) => `${collection}/${id}`;
/** Changes the person discarded, until their next push has been answered. */
const discarded = new Set<string>();
/** Refused records leaving the device (departed), until their removal's push has been answered. */
const leaving = new Set<string>();
const storageKey = (owner: string) => `${STORAGE_KEYS.rejectionsPrefix}${owner}`;

function load(owner: string): Record<string, Refusal> {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(storageKey(owner)) ?? '{}') as Record<string, Refusal>;
    return typeof stored === 'object' && stored !== null ? stored : {};
  } catch {
    return {};
  }
}

function save(owner: string | null, byDocument: Record<string, Refusal>): void {
  if (!owner) return;
  try {
    if (Object.keys(byDocument).length === 0) globalThis.localStorage?.removeItem(storageKey(owner));
    else globalThis.localStorage?.setItem(storageKey(owner), JSON.stringify(byDocument));
  } catch {
    // Storage full or unavailable: the refusals still show until the next reload.
  }
}

/**
 * Refusals of the person whose database is open, remembered across reloads under their own key, so a refused change
 * stays visible until it is fixed or discarded — and one person's sign-out leaves everyone else's alone.
 */
export const useRejections = create<RejectionState>()((set, get) => ({
  owner: null,
  byDocument: {},
  record(collection, settledIds, refused) {
    const refusedKeys = refused.map((r) => refusalKey(collection, r.id));
    const pushed = new Set([...settledIds.map((id) => refusalKey(collection, id)), ...refusedKeys]);
    const departing = new Set([...pushed].filter((k) => leaving.has(k)));
    // A superseded refusal with the person's change sealed beside it holds what the record no longer carries (the
    // server's newer version replaced it): no push of the record settles it, only the person taking it up or
    // discarding it (as pruneRejections keeps it). RxDB may push the version its pull just wrote, with the version
    // before as the assumed state, and the server takes that echo as a change.
    const refusedNow = new Set(refusedKeys);
    const heldBeside = (k: string, r: Refusal) =>
      r.superseded === true && Boolean(r.sealedRefusedState) && !refusedNow.has(k);
    const kept = Object.entries(get().byDocument).filter(
      ([k, r]) => !pushed.has(k) || departing.has(k) || heldBeside(k, r),
    );
    const at = new Date().toISOString();
    // A discarded change's own push (removing a record the server never had) may be refused: that is no news.
    // Nor is the refused removal of a record that left the person's reach: its refusal stays as it was.
    const ignored = new Set([...pushed].filter((k) => discarded.has(k) || departing.has(k)));
    ignored.forEach((k) => {
      discarded.delete(k);
      leaving.delete(k);
    });
    const added = refused
      .filter((r) => !ignored.has(refusalKey(collection, r.id)))
      .map((r): [string, Refusal] => [
        refusalKey(collection, r.id),
        {
          collection,
          id: r.id,
          reason: r.reason,
          at,
          ...(r.detail ? { detail: r.detail } : {}),
          ...(r.sealedServerState ? { sealedServerState: r.sealedServerState } : {}),
          ...(r.sealedRefusedState ? { sealedRefusedState: r.sealedRefusedState } : {}),
        },
      ]);
    const byDocument = Object.fromEntries([...kept, ...added]);
    save(get().owner, byDocument);
    set({ byDocument });
  },
  forget(collection, id, { discardedByPerson = false } = {}) {
    if (discardedByPerson) discarded.add(refusalKey(collection, id));
    const gone = refusalKey(collection, id);
    const byDocument = Object.fromEntries(Object.entries(get().byDocument).filter(([k]) => k !== gone));
    save(get().owner, byDocument);
    set({ byDocument });
  },
  hold(collection, id, sealed) {
    const key = refusalKey(collection, id);
    const refusal = get().byDocument[key];
    if (!refusal) return;
    const held: Refusal = { ...refusal, superseded: true, ...(sealed ? { sealedRefusedState: sealed } : {}) };
    const byDocument = { ...get().byDocument, [key]: held };
    save(get().owner, byDocument);
    set({ byDocument });
  },
  departed(collection, id) {
    const key = refusalKey(collection, id);
    const refusal = get().byDocument[key];
    if (!refusal) return;
    leaving.add(key);
    const byDocument = { ...get().byDocument, [key]: { ...refusal, superseded: true } };
    save(get().owner, byDocument);
    set({ byDocument });
  },
  serverMoved(collection, id) {
    const key = refusalKey(collection, id);
    const refusal = get().byDocument[key];
    if (!refusal || refusal.superseded) return;
    const byDocument = { ...get().byDocument, [key]: { ...refusal, superseded: true } };
    save(get().owner, byDocument);
    set({ byDocument });
  },
}));

/** Whether this record's last change was refused (and not yet taken up or discarded). */
export const isRefused = (collection: CollectionName, id: string): boolean =>
  refusalKey(collection, id) in useRejections.getState().byDocument;

/** The person's database opened: show their refusals (and only theirs). */
export function openRejections(owner: string): void {
  const byDocument = load(owner);
  // Before refusals were kept per person they shared one key; whose they were cannot be told, so the first person
  // to unlock takes them and `pruneRejections` drops those whose records are not in that person's database.
  const legacy = globalThis.localStorage?.getItem(STORAGE_KEYS.legacyRejections);
  if (legacy) {
    try {
      const parsed = JSON.parse(legacy) as { state?: { byDocument?: Record<string, string> } };
      for (const [k, reason] of Object.entries(parsed.state?.byDocument ?? {})) {
        const [collection, ...rest] = k.split('/');
        if (!byDocument[k] && collection && typeof reason === 'string')
          byDocument[k] = { collection: collection as CollectionName, id: rest.join('/'), reason, at: '' };
      }
    } catch {
      // Unreadable: nothing to carry over.
    }
    globalThis.localStorage?.removeItem(STORAGE_KEYS.legacyRejections);
    save(owner, byDocument);
  }
  useRejections.setState({ owner, byDocument });
}

/**
 * Keeps only refusals whose record is still on the device (`exists` asks the database), or whose change is held
 * beside the refusal (the record was replaced or rebuilt away): that one waits for the person to take it up or discard.
 */
export async function pruneRejections(exists: (refusal: Refusal) => Promise<boolean>): Promise<void> {
  const { owner, byDocument } = useRejections.getState();
  const checks = await Promise.all(
    Object.values(byDocument).map(
      async (r) => [r, (r.superseded === true && Boolean(r.sealedRefusedState)) || (await exists(r))] as const,
    ),
  );
  const gone = checks.filter(([, present]) => !present).map(([r]) => r);
  if (gone.length === 0 || useRejections.getState().owner !== owner) return;
  for (const r of gone) useRejections.getState().forget(r.collection, r.id);
}

/** Locked: nothing of this person's shows, nothing is forgotten. */
export function closeRejections(): void {
  useRejections.setState({ owner: null, byDocument: {} });
}

/** This person's data leaves the device: so do their refusals, and nobody else's. */
export function forgetRejectionsOf(owner: string): void {
  globalThis.localStorage?.removeItem(storageKey(owner));
  if (useRejections.getState().owner === owner) closeRejections();
}

/** The refusal of this document's last change, if the server refused it. */
export function useRejection(collection: CollectionName, id: string): Refusal | undefined {
  return useRejections((s) => s.byDocument[refusalKey(collection, id)]);
}

/** Every refusal of the open person, oldest first. */
export function useRefusals(): Refusal[] {
  return useRejections((s) => derived(s.byDocument).all);
}

interface Derived {
  all: Refusal[];
  ids: Map<string, ReadonlySet<string>>;
}
// Selectors must return the same object while nothing changed: derived lists are kept per state object.
const cache = new WeakMap<Record<string, Refusal>, Derived>();
function derived(byDocument: Record<string, Refusal>): Derived {
  let d = cache.get(byDocument);
  if (!d) {
    const all = Object.values(byDocument).sort((a, b) => a.at.localeCompare(b.at));
    const ids = new Map<string, Set<string>>();
    // A superseded refusal's record holds the server's version now, which counts like any other: only records
    // holding a refused change are left out of totals.
    for (const r of all) if (!r.superseded) ids.set(r.collection, (ids.get(r.collection) ?? new Set()).add(r.id));
    d = { all, ids };
    cache.set(byDocument, d);
  }
  return d;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** Ids of this collection's records that hold a refused change: left out of every total (domain `countable`). */
export function useRefusedIds(collection: CollectionName): ReadonlySet<string> {
  return useRejections((s) => refusedIdsOf(s.byDocument, collection));
}

export function refusedIdsOf(byDocument: Record<string, Refusal>, collection: CollectionName): ReadonlySet<string> {
  return derived(byDocument).ids.get(collection) ?? NO_IDS;
}

/** Records that need the person: refused changes of records still on the device. */
export function useRefusedCount(): number {
  return useRejections((s) => Object.keys(s.byDocument).length);
}
