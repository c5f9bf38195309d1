import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { AuthError, OfflineError } from '../../src/sync/auth/api';
import { usersApi } from '../../src/sync/auth/usersApi';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

/** A fetch that signs as `who`, like TokenKeeper.fetch does on a device. */
const signedAs =
  (who: TestUser): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...who.headers } });

describe('the users API client against the server', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let coordinator: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await storeFactories[0]!.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'own-school', municipalityId: 'muni' },
      { id: 'other-school', municipalityId: 'muni-2' },
    ]);
    coordinator = await createTestUser(store, ['school_coordinator'], ['own-school']);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('creates, changes, disables and resets a colleague', async () => {
    const api = usersApi(url, () => signedAs(coordinator));
    const created = await api.createUser({
      username: 'Anna.Berzina',
      displayName: 'Anna Bērziņa',
      password: 'a good long password',
      roles: ['teacher'],
      schoolIds: ['own-school'],
    });
    expect(created).toMatchObject({ username: 'anna.berzina', active: true, specialistRoles: [] });
    expect(await api.updateUser(created.id, { roles: ['teacher', 'plan_preparer'] })).toMatchObject({
      roles: ['teacher', 'plan_preparer'],
    });
    expect(await api.setActive(created.id, false)).toMatchObject({ active: false });
    await expect(api.resetPassword(created.id, 'another long password')).resolves.toBeUndefined();
  });

  it('passes the server’s refusal on as an AuthError with its code', async () => {
    const api = usersApi(url, () => signedAs(coordinator));
    const refusal = await api
      .createUser({ username: 'x.y', displayName: 'X', password: 'a good long password', roles: ['administrator'] })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({ code: 'forbidden', status: 403 });
    const request = {
      username: 'same.name',
      displayName: 'X',
      password: 'a good long password',
      roles: ['teacher' as const],
      schoolIds: ['own-school'],
    };
    await api.createUser(request);
    await expect(api.createUser(request)).rejects.toMatchObject({ code: 'username_taken', status: 409 });
    await expect(api.updateUser('nobody', { displayName: 'X' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.resetPassword('nobody', 'short')).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('reports no network, an unreachable server and a locked device in their own ways', async () => {
    const offline = usersApi(url, () => () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.setActive('someone', true)).rejects.toBeInstanceOf(OfflineError);
    const gateway = usersApi(url, () => async () => new Response('Bad gateway', { status: 502 }));
    await expect(gateway.setActive('someone', true)).rejects.toBeInstanceOf(OfflineError);
    const renewalRefused = usersApi(url, () => () => Promise.reject(new AuthError('account_disabled', 401)));
    await expect(renewalRefused.setActive('someone', true)).rejects.toMatchObject({ code: 'account_disabled' });
    const locked = usersApi(url, () => null);
    await expect(locked.setActive('someone', true)).rejects.toMatchObject({ code: 'signed_out' });
  });
});
