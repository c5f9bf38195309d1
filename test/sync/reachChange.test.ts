import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addLearner } from '../../src/db/learners';
import type { User } from '../../src/domain';
import { writeDocuments } from '../../src/server/replication/documents';
import { eventually, startSyncHarness, type SyncHarness } from '../fixtures/syncHarness';
import { ensureSchools } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

/** When an administrator moves a teacher to another school, the teacher's devices learn it at their next pull. */
describe.each(storeFactories)('a change of reach on $name', (factory) => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    await ensureSchools(harness.store, [{ id: 'school-2', municipalityId: 'muni-1' }]);
  });
  afterAll(async () => harness?.close());

  async function moveTeacherTo(schoolIds: string[]) {
    await harness.store.transaction(async (tx) => {
      const [row] = await tx.query<{ data: User }>(
        `SELECT data FROM documents WHERE collection = 'users' AND id = $1`,
        [harness.teacherId],
      );
      const before = row!.data;
      await writeDocuments(tx, 'users', [
        {
          id: before.id,
          assumed: { ...before, _deleted: false },
          next: { ...before, schoolIds, updatedAt: new Date().toISOString(), _deleted: false },
        },
      ]);
    });
  }

  it('is reported once the server filters by the new reach, and not before', async () => {
    const onReachChanged = vi.fn();
    const tablet = await harness.client('tablet', { onReachChanged });
    await addLearner(tablet.db, 'school-1', {
      firstName: 'Līga',
      lastName: 'Priede',
      className: '9.a',
      programme: 'general',
    });
    await eventually(async () => expect(await tablet.replication.flush(5_000)).toBe(true));
    tablet.replication.resync();
    await new Promise((r) => setTimeout(r, 500));
    expect(onReachChanged).not.toHaveBeenCalled();

    await moveTeacherTo(['school-2']);
    tablet.replication.resync();
    await eventually(() => expect(onReachChanged).toHaveBeenCalled());
  });
});
