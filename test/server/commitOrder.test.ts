import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import { pullDocuments } from '../../src/server/replication/pull';
import type { Store } from '../../src/server/store/store';
import { learner, newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const PUSHERS = 16;
const ROUNDS = 6;
const BATCH = 12;

/**
 * The pull checkpoint is "the last sequence seen". If a transaction could commit a smaller sequence after a puller
 * had moved past it, that row would never be pulled. Many concurrent pushers (new rows and updates) race a puller
 * that follows checkpoints only; afterwards the puller must have seen every committed row in its final state.
 */
describe.each(storeFactories)('commit order equals sequence order on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
  });
  afterAll(async () => dispose?.());

  it('never lets a puller skip a row, however pushes interleave', async () => {
    const seen = new Map<string, string>();
    let checkpoint = 0;
    let pushing = true;
    const pullOnce = async () => {
      const batch = await pullDocuments(store, 'learners', checkpoint, 7);
      for (const doc of batch.documents) seen.set(String(doc.id), String((doc as { className?: string }).className));
      checkpoint = batch.checkpoint.seq;
      return batch.documents.length;
    };
    const puller = (async () => {
      while (pushing) await pullOnce();
    })();

    const pusher = async (p: number) => {
      for (let round = 0; round < ROUNDS; round++) {
        const docs = Array.from({ length: BATCH }, (_, i) =>
          learner({ id: `p${p}-r${round}-${i}`, className: `${round}.a` }),
        );
        const created = await pushDocuments(store, 'learners', docs.map(newRow));
        expect(created.ok).toBe(true);
        // Update the previous round's rows too, so old rows get new sequences while others are being written.
        if (round > 0) {
          const previous = Array.from({ length: BATCH }, (_, i) =>
            learner({ id: `p${p}-r${round - 1}-${i}`, className: `${round - 1}.a` }),
          );
          const updated = await pushDocuments(
            store,
            'learners',
            previous.map((doc) => ({
              assumedMasterState: wire(doc),
              newDocumentState: wire({ ...doc, className: `${round - 1}.updated` }),
            })),
          );
          expect(updated.ok && updated.conflicts).toEqual([]);
        }
      }
    };
    await Promise.all(Array.from({ length: PUSHERS }, (_, p) => pusher(p)));
    pushing = false;
    await puller;
    while ((await pullOnce()) > 0);

    const rows = await store.query<{ id: string; class_name: string }>(
      `SELECT id, data->>'className' AS class_name FROM documents WHERE collection = 'learners'`,
    );
    expect(rows).toHaveLength(PUSHERS * ROUNDS * BATCH);
    const missed = rows.filter((row) => seen.get(row.id) !== row.class_name);
    expect(missed.slice(0, 5)).toEqual([]);
  });
});
