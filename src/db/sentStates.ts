import { jsonEquals } from '../domain';

/**
 * The states this device sent to the server, by record id, the latest few per record, in memory.
 *
 * When a push commits on the server but its answer is lost (a poor network), RxDB still assumes the server holds
 * the state before it, and the next push of that record meets the device's own earlier write as a "conflict". Merged
 * against the old assumption, the device's newer edit of a field it had just sent would lose to its own older value.
 * A server state found here is this device's own write: the merge starts from it, so what was edited since wins.
 * Kept in memory: a reload forgets, and the merge is then as before (the older value kept, the newer one offered in a
 * conflict note, nothing lost).
 */
const PER_RECORD = 3;
const MAX_RECORDS = 5_000;

/** Bookkeeping RxDB adds on the device side only; the server's copy never carries it. */
const withoutBookkeeping = (doc: Record<string, unknown>) => ({
  ...doc,
  _rev: undefined,
  _meta: undefined,
  _attachments: undefined,
});

export class SentStates {
  private readonly sent = new Map<string, unknown[]>();

  remember(docs: readonly Record<string, unknown>[]): void {
    for (const doc of docs) {
      const id = String(doc.id);
      const states = [...(this.sent.get(id) ?? []), withoutBookkeeping(doc)].slice(-PER_RECORD);
      // Re-inserted so the map's order is least recently sent first, and the oldest record goes first when full.
      this.sent.delete(id);
      this.sent.set(id, states);
    }
    for (const id of this.sent.keys()) {
      if (this.sent.size <= MAX_RECORDS) break;
      this.sent.delete(id);
    }
  }

  /** Whether this exact state of the record was sent from this device. */
  has(doc: Record<string, unknown>): boolean {
    const states = this.sent.get(String(doc.id));
    if (!states) return false;
    const state = withoutBookkeeping(doc);
    return states.some((s) => jsonEquals(s, state));
  }
}

// One memory per open database: several devices simulated in one process (the sync tests) must not share it.
const byDatabase = new WeakMap<object, SentStates>();

export function sentStatesOf(db: object): SentStates {
  let states = byDatabase.get(db);
  if (!states) {
    states = new SentStates();
    byDatabase.set(db, states);
  }
  return states;
}
