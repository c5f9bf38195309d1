import { fillWithDefaultSettings, now, type RxDocumentData } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { wrapInOrder } from './wrapInOrder';

type Note = { id: string; body: string };
const schema = fillWithDefaultSettings<Note>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, body: { type: 'string' } },
  required: ['id', 'body'],
});
const row = (id: string, body: string, rev: string): RxDocumentData<Note> => ({
  id,
  body,
  _rev: rev,
  _deleted: false,
  _attachments: {},
  _meta: { lwt: now() },
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const memoryInstance = () =>
  getRxStorageMemory().createStorageInstance<Note>({
    databaseName: `order${crypto.randomUUID().slice(0, 8)}`,
    collectionName: 'notes',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
    databaseInstanceToken: 'token',
  });
/** Reads back the first document slowly (a long ciphertext, a busy device), everything after it at once. */
function slowFirstRead(ms: number) {
  let slow = true;
  return async (doc: Record<string, unknown>) => {
    if (slow) {
      slow = false;
      await pause(ms);
    }
    return doc as never;
  };
}

describe('a wrapped storage keeps the order of its changes', () => {
  it('hands on change events in the order they were written, however long each takes to read back', async () => {
    const instance = await memoryInstance();
    const wrapped = wrapInOrder(schema, instance, async (doc) => doc as never, slowFirstRead(30));
    const seen: string[] = [];
    const subscription = wrapped.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) seen.push(event.documentData.body);
    });

    // Two writers at once, as the person's edit and the replication's write can be.
    const first = wrapped.bulkWrite([{ document: row('n1', 'first', '1-a') }], 'local');
    const second = wrapped.bulkWrite(
      [{ document: row('n1', 'second', '2-b'), previous: row('n1', 'first', '1-a') }],
      'remote',
    );
    await Promise.all([first, second]);

    expect(seen).toEqual(['first', 'second']);
    subscription.unsubscribe();
    await instance.close();
  });

  it('resolves a write only once its change events are handed on', async () => {
    const instance = await memoryInstance();
    const wrapped = wrapInOrder(
      schema,
      instance,
      async (doc) => doc as never,
      async (doc) => {
        await pause(20);
        return doc as never;
      },
    );
    const seen: string[] = [];
    const subscription = wrapped.changeStream().subscribe((bulk) => seen.push(...bulk.events.map((e) => e.documentId)));
    await wrapped.bulkWrite([{ document: row('n1', 'first', '1-a') }], 'local');
    expect(seen).toEqual(['n1']);
    subscription.unsubscribe();
    await instance.close();
  });

  it('does not hold later writes for changes a subscriber left before they were handed on', async () => {
    const instance = await memoryInstance();
    const wrapped = wrapInOrder(schema, instance, async (doc) => doc as never, slowFirstRead(50));
    // Replication stops (the app locks) while the first change is still being read back.
    const subscription = wrapped.changeStream().subscribe(() => {});
    const first = wrapped.bulkWrite([{ document: row('n1', 'first', '1-a') }], 'local');
    await pause(10);
    subscription.unsubscribe();
    await first;
    // A later write must not wait for the change nobody will receive (it hung for ever before).
    const later = await wrapped.bulkWrite([{ document: row('n2', 'later', '1-b') }], 'local');
    expect(later.error).toEqual([]);
    await instance.close();
  });
});
