import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learner } from '../../src/domain';
import { addLearner, updateLearner } from '../../src/db/learners';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

const fields = { firstName: 'Anna', lastName: 'Bērziņa', className: '7.b', programme: 'general' as const };

/**
 * A push commits on the server and its answer is lost (the network drops as the answer comes back). While RxDB
 * retries the same rows, the server sees its own copy again and nothing clashes. But when replication starts over
 * meanwhile (the app locked and unlocked) and the record is edited before it does, the retry is gone: the next push
 * carries the newer edit against the state before the lost one, and meets the device's own write on the server. The newer value must win, with no "changed
 * on two devices" note.
 */
describe.each(storeFactories)('a push whose answer is lost, on $name', (factory) => {
  let harness: SyncHarness;
  let tablet: TestClient;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    tablet = await harness.client('tablet', {}, ['learners']);
  });
  afterAll(async () => harness?.close());

  const serverCopy = async (id: string) =>
    (
      await harness.store.query<{ data: Learner }>(
        `SELECT data FROM documents WHERE collection = 'learners' AND id = $1`,
        [id],
      )
    )[0]?.data;
  const onTablet = async (id: string) =>
    (await tablet.db.learners.findOne(id).exec())?.toMutableJSON() as Learner | undefined;

  it('keeps the newer edit of the same field, and records no conflict', async () => {
    const added = await addLearner(tablet.db, 'school-1', fields);
    await eventually(async () => expect(await serverCopy(added.id)).toBeDefined());
    // Its answer too has arrived: nothing of it is waiting.
    expect(await tablet.replication.flush(10_000)).toBe(true);

    // The next push's answer is lost, and the network stays down after it.
    tablet.faults = {
      loseResponse: (url) => {
        if (!url.includes('/push')) return false;
        tablet.online = false;
        return true;
      },
      duplicate: () => false,
    };
    await updateLearner(tablet.db, added.id, { ...fields, className: '8.a' }, fields);
    await eventually(async () => expect((await serverCopy(added.id))?.className).toBe('8.a'));
    expect(tablet.online).toBe(false);

    // Locked and unlocked: the retry of the lost push ends with the replication that made it, and an edit is made
    // before replication starts again.
    const seen = { ...fields, className: '8.a' };
    await tablet.restartReplication(async () => {
      await updateLearner(tablet.db, added.id, { ...seen, className: '9.a' }, seen);
      tablet.faults = { loseResponse: () => false, duplicate: () => false };
      tablet.online = true;
    });

    await eventually(async () => {
      expect((await serverCopy(added.id))?.className).toBe('9.a');
      const here = await onTablet(added.id);
      expect(here?.className).toBe('9.a');
      expect(here?.syncConflicts).toBeUndefined();
    });
  });
});
