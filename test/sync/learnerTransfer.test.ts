import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, type CollectionName } from '../../src/domain';
import { pushDocuments } from '../../src/server/replication/documents';
import { LEARNER_TRANSFER_PATH } from '../../src/sync/protocol';
import { useRejections } from '../../src/sync/rejections';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { documentIn } from '../fixtures/scopedDocuments';
import { storeFactories } from '../fixtures/stores';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';

type Doc = Record<string, unknown>;
const COLLECTIONS: CollectionName[] = ['learners', 'plans', 'compensations', 'notes'];

/**
 * Two devices with real RxDB against the real server (issue 12): a municipal coordinator moves a learner to another
 * school. The old school's teacher's device drops the learner and every record that went with them at its next
 * pull; the new school's teacher's device receives them, at the new school. A change the old device made offline
 * to the moved learner is refused by the server (no longer theirs), is shown as a refusal, and loops nowhere; the
 * learner leaves that device whether the move reached it before or during that push.
 */
describe.each(storeFactories)('a learner moved to another school, on two devices, on $name', (factory) => {
  let harness: SyncHarness;
  let newSchoolTeacher: TestUser;
  let coordinator: TestUser;
  let oldDevice: TestClient;
  let newDevice: TestClient;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    await ensureSchools(harness.store, [{ id: 'school-2', municipalityId: 'muni-1' }]);
    newSchoolTeacher = await createTestUser(harness.store, ['teacher', 'psychologist'], ['school-2']);
    coordinator = await createTestUser(harness.store, ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
    const at = { schoolId: 'school-1', municipalityId: 'muni-1' };
    const seed = async (collection: CollectionName, docs: Doc[]) => {
      const rows = docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }));
      const result = await pushDocuments(harness.store, collection, rows);
      expect(result.ok && result.written.length, collection).toBe(docs.length);
    };
    await seed('learners', [
      { ...documentIn('learners', { id: 'anna', ...at }), lastName: 'Kalna' },
      { ...documentIn('learners', { id: 'berta', ...at }), lastName: 'Lejas' },
    ]);
    await seed('plans', [{ ...documentIn('plans', { id: 'plan-anna', ...at }), learnerId: 'anna' }]);
    await seed('compensations', [{ ...documentIn('compensations', { id: 'comp-anna', ...at }), learnerId: 'anna' }]);
    await seed('notes', [
      {
        ...documentIn('notes', { id: 'note-anna', ...at, authorId: harness.teacherId, shared: true }),
        learnerId: 'anna',
      },
    ]);
    oldDevice = await harness.client('old-school', {}, COLLECTIONS);
    newDevice = await harness.client('new-school', {}, COLLECTIONS, newSchoolTeacher);
  });
  afterAll(async () => harness?.close());

  const ids = async (device: TestClient, collection: CollectionName) =>
    (await device.db.collections[collection].find().exec()).map((d) => d.primary).sort();

  it('leaves the old school’s device and reaches the new school’s, with the records that went along', async () => {
    await eventually(async () => {
      expect(await ids(oldDevice, 'learners')).toEqual(['anna', 'berta']);
      expect(await ids(oldDevice, 'plans')).toEqual(['plan-anna']);
      expect(await ids(oldDevice, 'compensations')).toEqual(['comp-anna']);
      expect(await ids(oldDevice, 'notes')).toEqual(['note-anna']);
    });
    for (const c of COLLECTIONS) expect(await ids(newDevice, c), c).toEqual([]);

    // Offline on the old school's tablet, a change of the learner's class that can never be sent as hers.
    oldDevice.online = false;
    const anna = await oldDevice.db.collections.learners.findOne('anna').exec();
    await anna?.incrementalPatch({ className: '9.b', updatedAt: new Date().toISOString() });

    const response = await fetch(`${harness.url}${LEARNER_TRANSFER_PATH}`, {
      method: 'POST',
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ learnerIds: ['anna'], toSchoolId: 'school-2', on: localDate(new Date()) }),
    });
    expect(response.status, await response.clone().text()).toBe(200);

    // The new school's device is told by the live stream; nothing is resynced by hand.
    await eventually(async () => {
      expect(await ids(newDevice, 'learners')).toEqual(['anna']);
      expect(await ids(newDevice, 'plans')).toEqual(['plan-anna']);
      expect(await ids(newDevice, 'compensations')).toEqual(['comp-anna']);
      expect(await ids(newDevice, 'notes')).toEqual(['note-anna']);
    });
    const moved = await newDevice.db.collections.learners.findOne('anna').exec();
    expect(moved?.toJSON()).toMatchObject({ schoolId: 'school-2', lastName: 'Kalna' });
    expect((await newDevice.db.collections.plans.findOne('plan-anna').exec())?.toJSON()).toMatchObject({
      schoolId: 'school-2',
    });

    // Unlocked again (one database, one data key per page: the old device's seals its refusals from here on).
    oldDevice.online = true;
    await oldDevice.restartReplication();
    await eventually(async () => {
      expect(await ids(oldDevice, 'learners')).toEqual(['berta']);
      expect(await ids(oldDevice, 'plans')).toEqual([]);
      expect(await ids(oldDevice, 'compensations')).toEqual([]);
      expect(await ids(oldDevice, 'notes')).toEqual([]);
    });
    // The offline class change reached no one: the server's learner is the moved one, at the new school.
    const stored = await harness.store.query<{ data: Doc }>(
      `SELECT data FROM documents WHERE collection = 'learners' AND id = 'anna'`,
    );
    expect(stored[0]?.data).toMatchObject({ schoolId: 'school-2' });
    expect(stored[0]?.data.className).not.toBe('9.b');
    // Refused once, kept as a refusal the person sees, and not sent again and again.
    // Nothing lost: the refused change stays sealed beside its refusal, for the person to see and let go.
    expect(useRejections.getState().byDocument['learners/anna']).toMatchObject({
      reason: 'idNotAvailable',
      superseded: true,
      sealedRefusedState: expect.any(String),
    });
    expect(await oldDevice.replication.flush(5_000)).toBe(true);
  });
});
