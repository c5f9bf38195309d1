import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { learner, newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
const hostileLearner = (overrides: Record<string, unknown>) => ({
  ...learner({ id: 'hostile-learner', schoolId: 'school-1' }),
  ...overrides,
});
const deep = (levels: number) =>
  `[{"assumedMasterState":null,"newDocumentState":${'['.repeat(levels)}${']'.repeat(levels)}}]`;

/** Issue 8.11: every malformed request is a 4xx with a reason, nothing of it stored, never a 500. */
describe.each(storeFactories)('hostile input on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let preparer: TestUser;
  let keeper: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    keeper = await createTestUser(store, ['social_pedagogue'], ['school-1']);
    await pushDocuments(store, 'learners', [newRow(hostileLearner({ id: 'deep-stored' }))]);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const storedHostile = async () =>
    (
      await store.query<{ id: string }>(
        `SELECT id FROM documents WHERE id LIKE 'hostile%' OR data->>'firstName' = 'hostile'`,
      )
    ).length;

  const plan = (overrides: Record<string, unknown>) => ({
    id: 'hostile-plan',
    createdAt: AT,
    updatedAt: AT,
    learnerId: 'learner-1',
    schoolId: 'school-1',
    schoolYear: '2026/2027',
    semester: 1,
    preparerIds: [preparer.user.id],
    status: 'draft',
    risks: [],
    measures: [],
    history: [],
    ...overrides,
  });

  it.each<[string, string, () => string | object, () => TestUser]>([
    ['a NUL in a value', 'learners', () => [newRow(hostileLearner({ firstName: 'An\u0000na' }))], () => preparer],
    ['a NUL in a key', 'learners', () => [newRow(hostileLearner({ 'first\u0000Name': 'Anna' }))], () => preparer],
    ['a NUL in an id', 'learners', () => [newRow(hostileLearner({ id: 'hostile\u0000' }))], () => preparer],
    [
      'a NUL in a nested value',
      'learners',
      () => [newRow(hostileLearner({ guardians: [{ id: 'g\u0000', name: 'M' }] }))],
      () => preparer,
    ],
    [
      'a lone surrogate in a value',
      'learners',
      () => [newRow(hostileLearner({ lastName: 'B\ud800' }))],
      () => preparer,
    ],
    ['a lone surrogate in a key', 'learners', () => [newRow(hostileLearner({ '\udc00': 'x' }))], () => preparer],
    ['nesting 6,000 levels deep', 'learners', () => deep(6000), () => preparer],
    ['nesting 100 levels deep', 'learners', () => deep(100), () => preparer],
    [
      'a 20,000 levels deep assumed state of a stored learner',
      'learners',
      () =>
        `[{"assumedMasterState":{"id":"deep-stored","firstName":${'['.repeat(20_000)}${']'.repeat(20_000)}},` +
        `"newDocumentState":${JSON.stringify(wire(hostileLearner({ id: 'deep-stored', firstName: 'hostile' })))}}]`,
      () => preparer,
    ],
    ['an object for a plan’s school id', 'plans', () => [newRow(plan({ schoolId: { $ne: null } }))], () => preparer],
    ['an object for a plan’s learner id', 'plans', () => [newRow(plan({ learnerId: { id: 'x' } }))], () => preparer],
    [
      'an object for a compensation’s learner id',
      'compensations',
      () => [
        newRow({
          id: 'hostile-comp',
          createdAt: AT,
          updatedAt: AT,
          schoolId: 'school-1',
          learnerId: { toString: 'x' },
          planId: '',
          category: 'meals',
          month: '2026-11',
          amountCents: 100,
          status: 'requested',
          note: '',
        }),
      ],
      () => keeper,
    ],
  ])('a push with %s gets a 4xx with a reason and stores nothing', async (_, collection, body, by) => {
    const payload = body();
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: { ...by().headers, 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message.length).toBeGreaterThan(10);
    expect(await storedHostile()).toBe(0);
  });

  it.each<[string, 'POST' | 'PATCH' | 'GET', string, unknown]>([
    [
      'a sign-in with a NUL in the username',
      'POST',
      '/api/auth/login',
      { username: 'ad\u0000min', password: 'x'.repeat(12) },
    ],
    [
      'a sign-in with a lone surrogate in the password',
      'POST',
      '/api/auth/login',
      { username: 'admin', password: '\ud800'.repeat(12) },
    ],
    [
      'a first-run setup with a NUL in a name',
      'POST',
      '/api/auth/setup',
      { username: 'a\u0000', password: 'x'.repeat(12), displayName: 'A' },
    ],
    ['a user id with a NUL in the path', 'PATCH', '/api/users/%00', { displayName: 'X' }],
    ['a query value with a NUL', 'GET', '/api/sync/learners/pull?seq=0&limit=1&scope=%00', undefined],
  ])('%s gets a 4xx with a reason', async (_, method, url, payload) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...preparer.headers, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json<{ message: string }>().message.length).toBeGreaterThan(10);
  });
});
