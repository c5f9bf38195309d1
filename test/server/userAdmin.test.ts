import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { localChangeFeed, type Change } from '../../src/server/live/changeFeed';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { userPath } from '../../src/sync/protocol/auth';
import type { PullResponse } from '../../src/sync/protocol';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-09-01T08:00:00.000Z';

const learnerIn = (schoolId: string) => ({
  id: `learner-${schoolId}`,
  schoolId,
  firstName: 'A',
  lastName: 'B',
  className: '7.a',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: AT,
  updatedAt: AT,
  _deleted: false,
});

describe.each(storeFactories)('changing users on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: TestUser;
  let coordinator: TestUser;
  const changes: Change[] = [];

  const patch = (manager: TestUser, userId: string, payload?: object) =>
    app.inject({ method: 'PATCH', url: userPath(userId), headers: manager.headers, ...(payload ? { payload } : {}) });
  const stored = async (userId: string) => {
    const [row] = await store.query<{ data: User; seq: string }>(
      `SELECT data, seq FROM documents WHERE collection = 'users' AND id = $1`,
      [userId],
    );
    return row!;
  };
  const auditOf = (userId: string) =>
    store.query<{ user_id: string; detail: { change: string; fields?: string[] } }>(
      `SELECT user_id, detail FROM audit_entries WHERE collection = 'users' AND document_id = $1 ORDER BY id`,
      [userId],
    );

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    const feed = localChangeFeed();
    feed.subscribe((change) => changes.push(change));
    app = await buildApp({ store, feed });
    await ensureSchools(store, [
      { id: 'own-school', municipalityId: 'muni' },
      { id: 'second-school', municipalityId: 'muni' },
      { id: 'other-school', municipalityId: 'muni-2' },
    ]);
    await pushDocuments(
      store,
      'learners',
      ['own-school', 'other-school'].map((s) => ({ assumedMasterState: null, newDocumentState: learnerIn(s) })),
    );
    admin = await createTestUser(store, ['administrator'], []);
    coordinator = await createTestUser(store, ['school_coordinator'], ['own-school', 'second-school']);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('changes a colleague in scope, bumps updatedAt, audits it and tells live devices', async () => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    changes.length = 0;
    const response = await patch(coordinator, teacher.user.id, {
      displayName: '  Anna Bērziņa ',
      roles: ['teacher', 'plan_preparer'],
      schoolIds: ['own-school', 'second-school'],
    });
    expect(response.statusCode).toBe(200);
    const { data } = await stored(teacher.user.id);
    expect(data).toMatchObject({
      id: teacher.user.id,
      username: teacher.user.username,
      displayName: 'Anna Bērziņa',
      roles: ['teacher', 'plan_preparer'],
      schoolIds: ['own-school', 'second-school'],
      active: true,
      createdAt: AT,
    });
    expect(data.updatedAt > AT).toBe(true);
    expect(response.json()).toEqual(data);
    expect(changes).toContainEqual({ collection: 'users', ids: [teacher.user.id] });
    expect(await auditOf(teacher.user.id)).toEqual([
      { user_id: coordinator.user.id, detail: { change: 'update', fields: ['displayName', 'roles', 'schoolIds'] } },
    ]);
  });

  it('sets and removes a municipality; fields left out stay as they were', async () => {
    const director = await createTestUser(store, ['director'], ['own-school'], { subjects: ['maths'] });
    expect(
      (await patch(admin, director.user.id, { roles: ['municipal_coordinator'], municipalityId: 'muni' })).statusCode,
    ).toBe(200);
    expect((await stored(director.user.id)).data).toMatchObject({
      roles: ['municipal_coordinator'],
      municipalityId: 'muni',
      subjects: ['maths'],
      schoolIds: ['own-school'],
    });
    expect((await patch(admin, director.user.id, { roles: ['director'], municipalityId: null })).statusCode).toBe(200);
    expect((await stored(director.user.id)).data).not.toHaveProperty('municipalityId');
  });

  it.each([
    ['moves a colleague out of the manager’s schools', ['teacher'], ['own-school'], { schoolIds: ['other-school'] }],
    ['adds a school out of reach', ['teacher'], ['own-school'], { schoolIds: ['own-school', 'other-school'] }],
    ['changes someone of another school', ['teacher'], ['other-school'], { displayName: 'X' }],
    ['grants the administrator role', ['teacher'], ['own-school'], { roles: ['administrator'] }],
    ['grants a municipal role', ['teacher'], ['own-school'], { roles: ['municipal_coordinator'] }],
    ['changes an administrator', ['administrator'], ['own-school'], { displayName: 'X' }],
  ] as const)('refuses a school coordinator who %s, and stores nothing', async (_, roles, schoolIds, payload) => {
    const colleague = await createTestUser(store, [...roles], [...schoolIds]);
    const before = await stored(colleague.user.id);
    const response = await patch(coordinator, colleague.user.id, payload);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
    expect(await stored(colleague.user.id)).toEqual(before);
    expect(await auditOf(colleague.user.id)).toEqual([]);
  });

  it('refuses changes to oneself, even by an administrator', async () => {
    for (const manager of [admin, coordinator]) {
      const before = await stored(manager.user.id);
      const response = await patch(manager, manager.user.id, { displayName: 'Me, promoted' });
      expect(response.statusCode).toBe(403);
      expect(await stored(manager.user.id)).toEqual(before);
    }
  });

  it('refuses staff who manage nobody, an unknown user and a missing token', async () => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    const colleague = await createTestUser(store, ['teacher'], ['own-school']);
    expect((await patch(teacher, colleague.user.id, { displayName: 'X' })).statusCode).toBe(403);
    expect((await patch(admin, 'no-such-user', { displayName: 'X' })).json()).toMatchObject({ error: 'not_found' });
    const anonymous = await app.inject({
      method: 'PATCH',
      url: userPath(colleague.user.id),
      payload: { displayName: 'X' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ['no body', undefined, /body/],
    ['nothing to change', {}, /Nothing to change/],
    ['an empty name', { displayName: '   ' }, /displayName/],
    ['no roles', { roles: [] }, /roles/],
    ['an unknown role', { roles: ['headmaster'] }, /roles/],
    ['a username (it never changes)', { username: 'someone.else' }, /username/],
    ['the active flag (it has its own route)', { active: false }, /active/],
    ['a school id of the wrong type', { schoolIds: [42] }, /schoolIds/],
  ])('answers %s with 400 and a message naming the field, storing nothing', async (_, payload, message) => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    const before = await stored(teacher.user.id);
    const response = await patch(admin, teacher.user.id, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(message) });
    expect(await stored(teacher.user.id)).toEqual(before);
    expect(await auditOf(teacher.user.id)).toEqual([]);
  });

  it('widens and narrows what the person pulls, from their next pull on', async () => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    const pull = async (collection: string, checkpoint?: PullResponse['checkpoint']) => {
      const scope = checkpoint?.scope ? `&scope=${checkpoint.scope}` : '';
      const response = await app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?seq=${checkpoint?.seq ?? 0}&limit=100${scope}`,
        headers: teacher.headers,
      });
      expect(response.statusCode).toBe(200);
      return response.json<PullResponse>();
    };
    const ids = (response: PullResponse) => response.documents.map((d) => d.id).sort();
    const first = await pull('learners');
    expect(ids(first)).toEqual(['learner-own-school']);

    expect((await patch(admin, teacher.user.id, { schoolIds: ['own-school', 'other-school'] })).statusCode).toBe(200);
    // The device continues from its checkpoint; its reach changed, so it gets the other school's records too.
    expect(ids(await pull('learners', first.checkpoint))).toEqual(['learner-other-school', 'learner-own-school']);
    const own = (await pull('users')).documents.find((d) => d.id === teacher.user.id);
    expect(own).toMatchObject({ schoolIds: ['own-school', 'other-school'] });

    expect((await patch(admin, teacher.user.id, { schoolIds: ['other-school'] })).statusCode).toBe(200);
    expect(ids(await pull('learners'))).toEqual(['learner-other-school']);
  });
});
