import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learner } from '../../src/domain';
import { addLearner, updateLearner } from '../../src/db/learners';
import { createTestUser, type TestUser } from '../fixtures/accounts';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

const fields = { firstName: 'Anna', lastName: 'Bērziņa', className: '7.b', programme: 'general' as const };

async function learnerOn(client: TestClient, id: string): Promise<Learner | undefined> {
  return (await client.db.learners.findOne(id).exec())?.toMutableJSON() as Learner | undefined;
}

/** Two teachers of one school: whose change a record holds, and whose change lost, is named by person. */
describe.each(storeFactories)('who changed what, across devices, on $name', (factory) => {
  let harness: SyncHarness;
  let marta: TestUser;
  let ilzesTablet: TestClient;
  let martasPhone: TestClient;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    marta = await createTestUser(harness.store, ['teacher'], ['school-1'], { displayName: 'Marta Liepa' });
    ilzesTablet = await harness.client('tablet', {}, ['learners']);
    martasPhone = await harness.client('phone', {}, ['learners'], marta);
  });
  afterAll(async () => harness?.close());
  const serverCopy = async (id: string) =>
    (
      await harness.store.query<{ data: Learner }>(
        `SELECT data FROM documents WHERE collection = 'learners' AND id = $1`,
        [id],
      )
    )[0]?.data;

  it('a record reaches the other person signed by whoever saved it', async () => {
    const added = await addLearner(ilzesTablet.db, 'school-1', fields);
    await eventually(async () => expect((await learnerOn(martasPhone, added.id))?.updatedBy).toBe(harness.teacherId));
    await updateLearner(martasPhone.db, added.id, { ...fields, lastName: 'Kalniņa' }, fields);
    await eventually(async () => expect((await learnerOn(ilzesTablet, added.id))?.updatedBy).toBe(marta.user.id));
  });

  it('a lost change names both people: the one whose value was kept and the one whose value lost', async () => {
    const added = await addLearner(ilzesTablet.db, 'school-1', fields);
    await eventually(async () => expect(await learnerOn(martasPhone, added.id)).toBeDefined());

    martasPhone.online = false;
    await updateLearner(martasPhone.db, added.id, { ...fields, className: '9.c' }, fields);
    await updateLearner(ilzesTablet.db, added.id, { ...fields, className: '9.b' }, fields);
    await eventually(async () => expect((await serverCopy(added.id))?.className).toBe('9.b'));

    martasPhone.online = true;
    martasPhone.replication.resync();
    await eventually(async () => {
      for (const device of [ilzesTablet, martasPhone]) {
        const learner = await learnerOn(device, added.id);
        expect(learner?.className, device.name).toBe('9.b');
        expect(learner?.syncConflicts, device.name).toEqual([
          expect.objectContaining({
            path: 'className',
            kept: '"9.b"',
            lost: '"9.c"',
            keptBy: harness.teacherId,
            lostBy: marta.user.id,
          }),
        ]);
        // The version carrying the note is Marta's writing: her device met the clash and wrote it down.
        expect(learner?.updatedBy, device.name).toBe(marta.user.id);
      }
    });
  });

  it('refuses a change signed in a colleague’s name', async () => {
    const added = await addLearner(ilzesTablet.db, 'school-1', fields);
    await eventually(async () => expect(await learnerOn(martasPhone, added.id)).toBeDefined());
    const stored = { ...(await learnerOn(martasPhone, added.id))!, _deleted: false };
    const { syncConflicts: _none, ...assumed } = stored as Learner & { _deleted: boolean };
    const forged = { ...assumed, className: '5.a', updatedBy: harness.teacherId };
    const response = await fetch(`${harness.url}/api/sync/learners/push`, {
      method: 'POST',
      headers: { ...marta.headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ assumedMasterState: assumed, newDocumentState: forged }]),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rejected: { id: string; reason: string }[] };
    expect(body.rejected).toEqual([expect.objectContaining({ id: added.id, reason: 'updatedByNotOwn' })]);
    expect((await serverCopy(added.id))?.className).toBe('7.b');
  });
});
