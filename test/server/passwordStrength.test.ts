import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { authPaths, USERS_PATH } from '../../src/sync/protocol/auth';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

/**
 * The rule in words: a password a person sets is refused when it is a common password or pattern, the username, the
 * person's name (with or without diacritics and separators), or the public demo password; a few unrelated words pass.
 * The person here is "Ilze Kalniņa", username "ilze.kalnina".
 */
const REFUSED: [string, string][] = [
  ['1234567890', 'password_guessable'],
  ['qwertyuiop', 'password_guessable'],
  ['password123', 'password_guessable'],
  ['parole1234', 'password_guessable'],
  ['aaaaaaaaaaaa', 'password_guessable'],
  ['atbalsts-demo', 'password_is_demo'],
  ['Atbalsts-Demo!', 'password_is_demo'],
  ['ilze.kalnina', 'password_has_username'],
  ['kalnina2026', 'password_has_name'],
];
const ACCEPTED = ['correct horse battery', 'kaķis un suns brauc', 'zaļā-tēja-rītā ar medu'];

describe.each(storeFactories)('password strength on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: TestUser;
  let ilze: TestUser;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'own-school', municipalityId: 'muni' }]);
    admin = await createTestUser(store, ['administrator'], []);
    ilze = await createTestUser(store, ['teacher'], ['own-school'], { displayName: 'Ilze Kalniņa' });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const create = (username: string, password: string) =>
    app.inject({
      method: 'POST',
      url: USERS_PATH,
      headers: admin.headers,
      payload: { username, displayName: 'Ilze Kalniņa', password, roles: ['teacher'], schoolIds: ['own-school'] },
    });
  const reset = (password: string) =>
    app.inject({
      method: 'POST',
      url: `${USERS_PATH}/${ilze.user.id}/password`,
      headers: admin.headers,
      payload: { password },
    });

  it.each(REFUSED)('refuses %j for a new account and a reset, saying why (%s)', async (password, reason) => {
    const created = await create('ilze.kalnina', password);
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ error: reason });
    // A reset knows the person from the directory; the username of this test user differs, so judge its name only.
    if (reason !== 'password_has_username') {
      const answer = await reset(password);
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ error: reason });
    }
  });

  it('refuses the username itself at a reset', async () => {
    expect((await reset(ilze.user.username)).json()).toMatchObject({ error: 'password_has_username' });
  });

  it('accepts a few unrelated words', async () => {
    for (const [i, password] of ACCEPTED.entries()) {
      expect((await create(`new.person${i}`, password)).statusCode).toBe(201);
      expect((await reset(password)).statusCode).toBe(204);
    }
  });

  it('refuses a weak password for the first administrator, and creates none', async () => {
    const { store: fresh, dispose: done } = await factory.create();
    try {
      await migrate(fresh);
      const first = await buildApp({ store: fresh });
      const answer = await first.inject({
        method: 'POST',
        url: authPaths.setup,
        payload: { username: 'admin', displayName: 'Anna Ozola', password: 'admin12345' },
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ error: 'password_has_username' });
      expect((await first.inject({ method: 'GET', url: authPaths.status })).json()).toMatchObject({
        needsSetup: true,
      });
      await first.close();
    } finally {
      await done();
    }
  });
});
