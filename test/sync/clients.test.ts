import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learner } from '../../src/domain';
import { addLearner, updateLearner } from '../../src/db/learners';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

const fields = { firstName: 'Anna', lastName: 'Bērziņa', className: '7.b', programme: 'general' as const };

async function learnerOn(client: TestClient, id: string): Promise<Learner | undefined> {
  return (await client.db.learners.findOne(id).exec())?.toMutableJSON() as Learner | undefined;
}

describe.each(storeFactories)('several devices syncing through the server on $name', (factory) => {
  let harness: SyncHarness;
  let tablet: TestClient;
  let phone: TestClient;
  let laptop: TestClient;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    tablet = await harness.client('tablet');
    phone = await harness.client('phone');
    laptop = await harness.client('laptop');
  });
  afterAll(async () => harness?.close());

  it('a learner added on one device reaches every other device', async () => {
    const added = await addLearner(tablet.db, 'school-1', fields);
    // As stored: signed by the teacher who added it.
    const expected = { ...added, updatedBy: harness.teacherId };
    await eventually(async () => {
      expect(await learnerOn(phone, added.id)).toEqual(expected);
      expect(await learnerOn(laptop, added.id)).toEqual(expected);
    });
  });

  it('edits of different fields made offline on two devices both survive', async () => {
    const added = await addLearner(tablet.db, 'school-1', fields);
    await eventually(async () => expect(await learnerOn(phone, added.id)).toBeDefined());

    tablet.online = false;
    await updateLearner(tablet.db, added.id, { ...fields, className: '8.a' }, fields);
    await updateLearner(phone.db, added.id, { ...fields, firstName: 'Annija' }, fields);
    await eventually(async () => expect((await learnerOn(laptop, added.id))?.firstName).toBe('Annija'));

    tablet.online = true;
    tablet.replication.resync();
    await eventually(async () => {
      for (const client of [tablet, phone, laptop]) {
        expect(await learnerOn(client, added.id), client.name).toMatchObject({ firstName: 'Annija', className: '8.a' });
      }
    });
    expect((await learnerOn(laptop, added.id))?.syncConflicts).toBeUndefined();
  });

  it('the same field edited on two devices converges everywhere and keeps the losing value visible', async () => {
    const added = await addLearner(tablet.db, 'school-1', fields);
    await eventually(async () => expect(await learnerOn(phone, added.id)).toBeDefined());

    phone.online = false;
    await updateLearner(phone.db, added.id, { ...fields, className: '9.c' }, fields);
    await updateLearner(tablet.db, added.id, { ...fields, className: '9.b' }, fields);
    await eventually(async () => expect((await learnerOn(laptop, added.id))?.className).toBe('9.b'));

    phone.online = true;
    phone.replication.resync();
    await eventually(async () => {
      const states = await Promise.all([tablet, phone, laptop].map((c) => learnerOn(c, added.id)));
      for (const state of states) expect(state).toEqual(states[0]);
      expect(states[0]?.className).toBe('9.b');
      expect(states[0]?.syncConflicts).toEqual([
        expect.objectContaining({ path: 'className', kept: '"9.b"', lost: '"9.c"' }),
      ]);
    });
  });

  it('a deletion reaches the other devices as a tombstone', async () => {
    const added = await addLearner(tablet.db, 'school-1', fields);
    await eventually(async () => expect(await learnerOn(laptop, added.id)).toBeDefined());
    await (await tablet.db.learners.findOne(added.id).exec())?.remove();
    await eventually(async () => expect(await learnerOn(laptop, added.id)).toBeUndefined());
    const [row] = await harness.store.query<{ deleted: boolean }>(
      `SELECT deleted FROM documents WHERE collection = 'learners' AND id = $1`,
      [added.id],
    );
    expect(row?.deleted).toBe(true);
  });
});
