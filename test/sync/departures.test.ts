import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain';
import { pushDocuments } from '../../src/server/replication/documents';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { documentIn } from '../fixtures/scopedDocuments';
import { storeFactories } from '../fixtures/stores';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';

type Doc = Record<string, unknown>;

/**
 * Two devices with real RxDB against the real server: records that leave a person's reach leave their device at its
 * next pull, and reach the device of whoever may read them now.
 */
describe.each(storeFactories)('records leaving a device’s reach on $name', (factory) => {
  let harness: SyncHarness;
  let psychologist: TestUser;
  let otherSchoolTeacher: TestUser;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    await ensureSchools(harness.store, [{ id: 'school-2', municipalityId: 'muni-2' }]);
    psychologist = await createTestUser(harness.store, ['psychologist'], ['school-1']);
    otherSchoolTeacher = await createTestUser(harness.store, ['teacher'], ['school-2']);
  });
  afterAll(async () => harness?.close());

  /** Another person's edit, straight on the server (its authorisation is not what this test is about). */
  async function write(collection: CollectionName, previous: Doc | null, next: Doc) {
    const result = await pushDocuments(harness.store, collection, [
      { assumedMasterState: previous, newDocumentState: next },
    ]);
    expect(result.ok && result.written).toEqual([next.id]);
  }

  const local = async (device: TestClient, collection: 'learners' | 'notes', id: string) =>
    (await device.db.collections[collection].findOne(id).exec())?.toJSON() ?? null;

  it('a moved learner and an un-shared note leave device A, the learner reaches school 2, and comes back', async () => {
    const learner = documentIn('learners', { id: 'learner-moving', schoolId: 'school-1', municipalityId: 'muni-1' });
    const note = documentIn('notes', {
      id: 'note-unshared',
      schoolId: 'school-1',
      municipalityId: 'muni-1',
      authorId: harness.teacherId,
      shared: true,
    });
    await write('learners', null, learner);
    await write('notes', null, note);
    const deviceA = await harness.client('device-a', {}, ['learners', 'notes'], psychologist);
    const deviceB = await harness.client('device-b', {}, ['learners', 'notes'], otherSchoolTeacher);
    const errors: unknown[] = [];
    for (const state of [...deviceA.replication.states, ...deviceB.replication.states])
      state.error$.subscribe((e) => errors.push(e));

    await eventually(async () => {
      expect(await local(deviceA, 'learners', 'learner-moving')).toMatchObject({ firstName: 'Anna' });
      expect(await local(deviceA, 'notes', 'note-unshared')).toMatchObject({ body: note.body });
    });
    expect(await local(deviceB, 'learners', 'learner-moving')).toBeNull();

    const moved = { ...learner, schoolId: 'school-2', updatedAt: '2026-10-01T08:00:00.000Z' };
    await write('learners', learner, moved);
    await write('notes', note, { ...note, sharedWithSupportTeam: false, updatedAt: '2026-10-01T08:00:00.000Z' });
    deviceA.replication.resync();
    deviceB.replication.resync();
    await eventually(async () => {
      expect(await local(deviceA, 'learners', 'learner-moving')).toBeNull();
      expect(await local(deviceA, 'notes', 'note-unshared')).toBeNull();
      expect(await local(deviceB, 'learners', 'learner-moving')).toMatchObject({ schoolId: 'school-2' });
    });
    // Gone from what the screens query, not only hidden: no copy of the content stays in the collection.
    expect(await deviceA.db.collections.learners.count().exec()).toBe(0);
    expect(await deviceA.db.collections.notes.count().exec()).toBe(0);

    const back = { ...moved, schoolId: 'school-1', updatedAt: '2026-10-02T08:00:00.000Z' };
    await write('learners', moved, back);
    deviceA.replication.resync();
    deviceB.replication.resync();
    await eventually(async () => {
      expect(await local(deviceA, 'learners', 'learner-moving')).toMatchObject({ schoolId: 'school-1' });
      expect(await local(deviceB, 'learners', 'learner-moving')).toBeNull();
    });
    expect(errors).toEqual([]);
  });
});
