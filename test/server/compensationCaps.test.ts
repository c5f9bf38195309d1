import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compensation } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { learner, newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
let n = 0;
const meals = (amountCents: number, overrides: Partial<Compensation> = {}): Compensation => ({
  id: `comp-${++n}`,
  createdAt: AT,
  updatedAt: AT,
  schoolId: 'school-1',
  learnerId: 'learner-caps',
  planId: '',
  category: 'meals',
  month: '2026-11',
  amountCents,
  status: 'requested',
  note: '',
  ...overrides,
});

/** The programme's caps hold on the server, whichever device's record arrives second. */
describe.each(storeFactories)('compensation caps on the server on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let keeper: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    keeper = await createTestUser(store, ['social_pedagogue'], ['school-1']);
    const pushed = await push('learners', [newRow(learner({ id: 'learner-caps', programme: 'general' }))]);
    expect(pushed).toEqual([]);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function push(collection: string, rows: object[]) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: keeper.headers,
      payload: rows,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ rejected: { id: string; reason: string }[] }>().rejected;
  }

  it('refuses the record that takes a month over the cap, also within one push, and keeps the rest', async () => {
    const first = meals(5000);
    expect(await push('compensations', [newRow(first)])).toEqual([]);
    const second = meals(3000);
    expect(await push('compensations', [newRow(second)])).toEqual([{ id: second.id, reason: 'compensationOverCap' }]);

    const [a, b] = [meals(1000, { month: '2026-12' }), meals(6500, { month: '2026-12' })];
    const rejected = await push('compensations', [newRow(a), newRow(b)]);
    expect(rejected).toHaveLength(1);

    // Moving a stored record on (requested → approved) is not a new amount.
    expect(
      await push('compensations', [
        { assumedMasterState: wire(first), newDocumentState: wire({ ...first, status: 'approved' }) },
      ]),
    ).toEqual([]);
    const [row] = await store.query<{ total: string | number }>(
      `SELECT sum((data->>'amountCents')::int) AS total FROM documents WHERE collection = 'compensations' AND data->>'month' = '2026-11'`,
    );
    expect(Number(row?.total)).toBe(5000);
  });

  it('refuses learning materials for a learner of general education', async () => {
    const materials = meals(1000, { category: 'learning_materials' });
    expect(await push('compensations', [newRow(materials)])).toEqual([
      { id: materials.id, reason: 'compensationNotAllowed' },
    ]);
  });
});
