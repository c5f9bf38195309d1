import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learner } from '../fixtures/documents';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';
import { useRejections } from '../../src/sync/rejections';
import { useSyncStatus } from '../../src/sync/syncStatus';

/**
 * One invalid document in a push makes the server refuse the whole batch (400 invalid_document, naming the rows).
 * The device must refuse that record on its side, with the server's words, and send the rest — not retry forever.
 */
describe.each(storeFactories)('a push batch holding an invalid document, on $name', (factory) => {
  let harness: SyncHarness;
  let device: TestClient;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    device = await harness.client('tablet', {}, ['learners']);
  });
  afterAll(async () => harness?.close());

  it('sends the valid record, refuses the invalid one with the reason, and leaves nothing waiting', async () => {
    const valid = learner({ firstName: 'Derīga' });
    // RxDB's JSON schema takes a blank name (it does not trim); the server's zod schema does not.
    const invalid = learner({ firstName: '   ' });
    device.online = false;
    await device.db.learners.bulkInsert([valid, invalid]);
    device.online = true;
    device.replication.resync();

    await eventually(async () => {
      const stored = await harness.store.query<{ id: string }>(
        `SELECT id FROM documents WHERE collection = 'learners' AND id = ANY($1::text[])`,
        [[valid.id, invalid.id]],
      );
      expect(stored.map((r) => r.id)).toEqual([valid.id]);
    });
    await eventually(() => {
      const refusal = useRejections.getState().byDocument[`learners/${invalid.id}`];
      expect(refusal?.reason).toBe('invalid_document');
      expect(refusal?.detail).toContain('firstName');
      expect(useRejections.getState().byDocument[`learners/${valid.id}`]).toBeUndefined();
      expect(useSyncStatus.getState().pending).toBe(0);
    });
    // The server answered (a 400 is an answer): the indicator must not call it unreachable.
    expect(useSyncStatus.getState().errorsSinceSuccess).toBe(0);
  });
});
