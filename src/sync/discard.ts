import type { RxCollection } from 'rxdb';
import type { AtbalstsDatabase } from '../db';
import { openServerState } from './refusalSeal';
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
  if (refusal.sealedServerState) {
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
