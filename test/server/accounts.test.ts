import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { signInRules } from '../../src/server/auth/rateLimit';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { authPaths, USERS_PATH, type SessionResponse } from '../../src/sync/protocol/auth';
import { createTestUser, ensureSchools, TEST_PASSWORD } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

describe.each(storeFactories)('accounts and sessions on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload, headers });
  const login = (username: string, password: string) => post(authPaths.login, { username, password });

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'own-school', municipalityId: 'muni' },
      { id: 'other-school', municipalityId: 'muni-2' },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('creates the first administrator once, and only while there is no account', async () => {
    expect((await app.inject({ method: 'GET', url: authPaths.status })).json()).toEqual({
      needsSetup: true,
      demo: false,
    });
    const weak = await post(authPaths.setup, { username: 'admin', displayName: 'Admin', password: 'short' });
    expect(weak.statusCode).toBe(400);
    const first = await post(authPaths.setup, {
      username: 'Admin',
      displayName: 'Admin',
      password: 'correct horse battery',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<SessionResponse>().user).toMatchObject({ username: 'admin', roles: ['administrator'] });
    const second = await post(authPaths.setup, {
      username: 'admin2',
      displayName: 'B',
      password: 'correct horse battery',
    });
    expect(second.statusCode).toBe(409);
    expect((await app.inject({ method: 'GET', url: authPaths.status })).json()).toEqual({
      needsSetup: false,
      demo: false,
    });
  });

  it('signs in with the right password only, and never stores it in plain text', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    expect((await login(user.username, 'wrong password')).statusCode).toBe(401);
    const ok = await login(user.username, TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const session = ok.json<SessionResponse>();
    expect(session.user.id).toBe(user.id);
    expect(session.accessExpiresAt).toBeGreaterThan(Date.now());
    const [row] = await store.query<{ password_hash: string }>(
      'SELECT password_hash FROM accounts WHERE user_id = $1',
      [user.id],
    );
    expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row?.password_hash).not.toContain(TEST_PASSWORD);
    const tokens = await store.query<{ access_hash: string }>('SELECT access_hash FROM sessions WHERE user_id = $1', [
      user.id,
    ]);
    expect(tokens.map((t) => t.access_hash)).not.toContain(session.accessToken);
  });

  it('locks a username after repeated failures, with Retry-After', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    for (let i = 0; i < signInRules.device.free; i++)
      expect((await login(user.username, `guess ${i}`)).statusCode).toBe(401);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rotates refresh tokens and revokes the session when a spent one comes back', async () => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    const first = await post(authPaths.refresh, { refreshToken: teacher.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json<SessionResponse>();
    expect(rotated.refreshToken).not.toBe(teacher.refreshToken);
    // The old token again: someone copied it. Both the copy and the rotated token stop working.
    expect((await post(authPaths.refresh, { refreshToken: teacher.refreshToken })).statusCode).toBe(401);
    expect((await post(authPaths.refresh, { refreshToken: rotated.refreshToken })).statusCode).toBe(401);
    const pull = await app.inject({
      method: 'GET',
      url: '/api/sync/learners/pull?seq=0&limit=5',
      headers: { authorization: `Bearer ${rotated.accessToken}` },
    });
    expect(pull.statusCode).toBe(401);
  });

  it('signs out a device: its refresh token stops working', async () => {
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    expect((await post(authPaths.logout, { refreshToken: teacher.refreshToken })).statusCode).toBe(204);
    expect((await post(authPaths.refresh, { refreshToken: teacher.refreshToken })).statusCode).toBe(401);
  });

  it('lets coordinators manage accounts in their scope only, and disabling is noticed at once', async () => {
    const coordinator = await createTestUser(store, ['school_coordinator'], ['own-school']);
    const create = (schoolIds: string[], roles = ['teacher']) =>
      post(
        USERS_PATH,
        {
          username: `t${Math.random().toString(36).slice(2, 8)}`,
          displayName: 'T',
          password: 'a good long password',
          roles,
          schoolIds,
        },
        coordinator.headers,
      );
    expect((await create(['other-school'])).statusCode).toBe(403);
    expect((await create(['own-school'], ['administrator'])).statusCode).toBe(403);
    const created = await create(['own-school']);
    expect(created.statusCode).toBe(201);
    const newcomer = created.json<{ id: string; username: string }>();
    const session = (await login(newcomer.username, 'a good long password')).json<SessionResponse>();
    const headers = { authorization: `Bearer ${session.accessToken}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/sync/learners/pull?seq=0&limit=5', headers })).statusCode,
    ).toBe(200);

    const disabled = await post(`${USERS_PATH}/${newcomer.id}/active`, { active: false }, coordinator.headers);
    expect(disabled.statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/sync/learners/pull?seq=0&limit=5', headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'invalid_token' });
    const relogin = await login(newcomer.username, 'a good long password');
    expect(relogin.statusCode).toBe(401);
    expect(relogin.json()).toMatchObject({ error: 'account_disabled' });
    const refresh = await post(authPaths.refresh, { refreshToken: session.refreshToken });
    expect(refresh.json()).toMatchObject({ error: 'account_disabled' });
  });

  it('resets a password: the old one and every session stop working', async () => {
    const admin = await createTestUser(store, ['administrator'], []);
    const teacher = await createTestUser(store, ['teacher'], ['own-school']);
    expect(
      (await post(`${USERS_PATH}/${teacher.user.id}/password`, { password: 'a brand new password' }, admin.headers))
        .statusCode,
    ).toBe(204);
    expect((await login(teacher.user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(teacher.user.username, 'a brand new password')).statusCode).toBe(200);
    expect((await post(authPaths.refresh, { refreshToken: teacher.refreshToken })).statusCode).toBe(401);
  });

  it.each([
    ['a login without a body', authPaths.login, undefined],
    ['a login with wrong types', authPaths.login, { username: 5, password: [] }],
    ['a refresh with a short token', authPaths.refresh, { refreshToken: 'x' }],
  ])('answers %s with 400', async (_, url, payload) => {
    const response = await app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBe(400);
  });
});
