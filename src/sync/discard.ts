import type { RxCollection } from 'rxdb';
import type { AtbalstsDatabase } from '../db';
import { mergeDocuments } from '../domain';
import { openServerState, sealServerState } from './refusalSeal';
import { useRejections, type Refusal } from './rejections';

export class CannotRestoreError extends Error {
  constructor() {
    super('The server’s state of this record cannot be read on this device');
  }
}

/**
 * Takes back a change the server refused. A record the server has goes back to the state the server holds (sealed
 * beside the refusal when it came); the push that follows equals what is stored, which the server takes as done.
 * A record the server never had leaves the device.
 */
export async function discardRefusedChange(db: AtbalstsDatabase, refusal: Refusal): Promise<void> {
  const collection = db.collections[refusal.collection] as RxCollection | undefined;
  if (!collection) return;
  const doc = await collection.findOne(refusal.id).exec();
  if (refusal.superseded) {
    // The server's newer version already replaced the change on the device: that is what discarding keeps.
  } else if (refusal.sealedServerState) {
    const state = await openServerState(db.name, refusal.collection, refusal.id, refusal.sealedServerState);
    if (!state) throw new CannotRestoreError();
    const { _deleted: deleted, _rev, _meta, _attachments, ...serverState } = state;
    if (deleted === true) await doc?.remove();
    else if (doc) await doc.incrementalModify(() => serverState);
    else await collection.upsert(serverState);
  } else {
    await doc?.remove();
  }
  useRejections.getState().forget(refusal.collection, refusal.id, { discardedByPerson: true });
}

export class CannotTakeUpError extends Error {
  constructor() {
    super('The refused change cannot be read on this device');
  }
}

const withoutInternals = ({ _deleted, _rev, _meta, _attachments, ...rest }: Record<string, unknown>) => rest;

/**
 * Takes up a refused change that the server's newer version replaced on the device: the change is merged field by
 * field onto what the record holds now (from the server state it started from, as a sync conflict would be), so
 * the person can fix it and send it again. What the others changed meanwhile stays, where the change did not touch it.
 */
export async function takeUpRefusedChange(db: AtbalstsDatabase, refusal: Refusal): Promise<void> {
  const collection = db.collections[refusal.collection] as RxCollection | undefined;
  if (!collection || !refusal.sealedRefusedState) throw new CannotTakeUpError();
  const mine = await openServerState(db.name, refusal.collection, refusal.id, refusal.sealedRefusedState, 'refused');
  if (!mine) throw new CannotTakeUpError();
  const base = refusal.sealedServerState
    ? await openServerState(db.name, refusal.collection, refusal.id, refusal.sealedServerState)
    : null;
  const doc = await collection.findOne(refusal.id).exec();
  if (!doc) await collection.upsert(withoutInternals(mine));
  else
    await doc.incrementalModify((now: Record<string, unknown>) => ({
      ...now,
      ...withoutInternals(
        mergeDocuments(base ? withoutInternals(base) : null, withoutInternals(mine), withoutInternals(now)).merged,
      ),
    }));
  // Taken up, the change is the person's edit again: its next push is answered afresh.
  useRejections.getState().forget(refusal.collection, refusal.id);
}

/**
 * Before the local copy is rebuilt (the person's reach changed), every refused change is sealed beside its refusal:
 * the database goes, and the rebuilt one holds only what the server has. The person still takes each change up or
 * discards it. A change the server's newer version already replaced is held already. Needs the seal key (replication
 * running for this database).
 */
export async function holdRefusedChanges(db: AtbalstsDatabase): Promise<void> {
  const { owner, byDocument } = useRejections.getState();
  if (owner !== db.name) return;
  for (const refusal of Object.values(byDocument)) {
    if (refusal.superseded) continue;
    const collection = db.collections[refusal.collection] as RxCollection | undefined;
    const doc = collection ? await collection.findOne(refusal.id).exec() : null;
    const state = doc ? (doc.toJSON() as Record<string, unknown>) : null;
    const sealed = state
      ? await sealServerState(db.name, refusal.collection, refusal.id, state, 'refused')
      : refusal.sealedRefusedState;
    useRejections.getState().hold(refusal.collection, refusal.id, sealed);
  }
}
