import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/server/auth/scope';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-09-01T08:00:00.000Z';
const school = (id: string, municipalityId: string, deleted = false) => ({
  id,
  name: id,
  kind: 'general',
  municipalityId,
  stateFounded: false,
  createdAt: AT,
  updatedAt: deleted ? '2026-09-02T08:00:00.000Z' : AT,
  _deleted: deleted,
});

/** Authentication keeps the directory between requests: it must still see every change of it at once. */
describe.each(storeFactories)('a person’s reach as the server reads it, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    await ensureSchools(store, [
      { id: 'a-1', municipalityId: 'muni-a' },
      { id: 'b-1', municipalityId: 'muni-b' },
    ]);
  });
  afterAll(async () => dispose?.());

  it('follows schools opened and closed in a coordinator’s municipality from the next request on', async () => {
    const coordinator = await createTestUser(store, ['municipal_coordinator'], [], { municipalityId: 'muni-a' });
    const admin = await createTestUser(store, ['administrator'], []);
    const reach = async (userId: string) => (await actorFor(store, userId))?.schoolIds.slice().sort();

    expect(await reach(coordinator.user.id)).toEqual(['a-1']);
    expect(await reach(admin.user.id)).toEqual(['a-1', 'b-1']);

    const opened = await pushDocuments(store, 'schools', [
      { assumedMasterState: null, newDocumentState: school('a-2', 'muni-a') },
    ]);
    expect(opened.ok).toBe(true);
    expect(await reach(coordinator.user.id)).toEqual(['a-1', 'a-2']);
    expect(await reach(admin.user.id)).toEqual(['a-1', 'a-2', 'b-1']);

    const closed = await pushDocuments(store, 'schools', [
      { assumedMasterState: school('a-2', 'muni-a'), newDocumentState: school('a-2', 'muni-a', true) },
    ]);
    expect(closed.ok).toBe(true);
    expect(await reach(coordinator.user.id)).toEqual(['a-1']);
    expect(await reach(admin.user.id)).toEqual(['a-1', 'b-1']);

    // A new municipality reaches the administrator at once too.
    await ensureSchools(store, [{ id: 'c-1', municipalityId: 'muni-c' }]);
    expect((await actorFor(store, admin.user.id))?.municipalityIds.slice().sort()).toEqual([
      'muni-a',
      'muni-b',
      'muni-c',
    ]);
  });

  it('knows no one who has no directory entry', async () => {
    expect(await actorFor(store, 'nobody')).toBeNull();
  });
});
