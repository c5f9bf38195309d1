import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLearner } from '../../src/db/learners';
import type { CatchUpProgress } from '../../src/sync/catchUp';
import { useSyncStatus } from '../../src/sync/syncStatus';
import { eventually, startSyncHarness, type SyncHarness } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

const LEARNERS = 45;

/** A new device receives a school's backlog in batches and shows how far it is, from the server's own counts. */
describe.each(storeFactories)('first sync of a new device on $name', (factory) => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    const office = await harness.client('office');
    for (let i = 0; i < LEARNERS; i++) {
      await addLearner(office.db, 'school-1', {
        firstName: `Jānis${i}`,
        lastName: 'Kalns',
        className: '6.a',
        programme: 'general',
      });
    }
    await eventually(async () => {
      const [row] = await harness.store.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM documents WHERE collection = 'learners'`,
      );
      expect(Number(row?.n)).toBe(LEARNERS);
    });
    await office.close();
  });
  afterAll(async () => harness?.close());

  it('reports progress batch by batch up to everything, then nothing', async () => {
    const seen: (CatchUpProgress | null)[] = [];
    const unsubscribe = useSyncStatus.subscribe((s, before) => {
      if (s.catchUp !== before.catchUp) seen.push(s.catchUp);
    });
    const newcomer = await harness.client('newcomer', { pullBatchSize: 10 });
    await eventually(async () => expect(await newcomer.db.learners.count().exec()).toBe(LEARNERS));
    await eventually(() => expect(useSyncStatus.getState().catchUp).toBeNull());
    unsubscribe();

    const progress = seen.filter((p): p is CatchUpProgress => p !== null);
    expect(progress.map((p) => p.done)).toEqual([10, 20, 30, 40]);
    for (const p of progress) expect(p.total).toBe(LEARNERS);
    expect(seen[seen.length - 1]).toBeNull();
  });
});
