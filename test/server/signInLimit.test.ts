import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { createPostgresStore } from '../../src/server/store/postgresStore';
import type { Store } from '../../src/server/store/store';
import { authPaths } from '../../src/sync/protocol/auth';
import { createTestUser, ensureSchools, TEST_PASSWORD } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

/**
 * The rule in words (README, "Accounts and devices"): from one address, a username gets five password checks; after
 * that the address waits before each further try. Another address is not held back by those failures.
 */
const CHECKS_BEFORE_BACKOFF = 5;
const ATTACKER = '203.0.113.7';
const OWNER_DEVICE = '198.51.100.20';

describe.each(storeFactories)('the sign-in limit on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  const closers: (() => Promise<void>)[] = [];

  /** A second server process over the same database: its own pool over the same schema on PostgreSQL. */
  async function secondProcess(): Promise<FastifyInstance> {
    if (store.kind === 'pglite') return buildApp({ store });
    const [row] = await store.query<{ schema: string }>('SELECT current_schema() AS schema');
    const own = createPostgresStore({
      connectionString: process.env.TEST_DATABASE_URL!,
      options: `-c search_path=${row!.schema}`,
    });
    closers.push(() => own.close());
    return buildApp({ store: own });
  }

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    await ensureSchools(store, [{ id: 'own-school', municipalityId: 'muni' }]);
    apps.push(await buildApp({ store }), await secondProcess());
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const close of closers) await close();
    await dispose?.();
  });

  const login = (app: FastifyInstance, username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: authPaths.login, payload: { username, password }, remoteAddress });

  it('lets at most five of 30 simultaneous wrong guesses reach a password check, over two processes', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(apps[i % 2]!, user.username, `guess number ${i}`, ATTACKER)),
    );
    const checked = answers.filter((a) => a.statusCode === 401);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(checked.length + refused.length).toBe(30);
    expect(checked.length).toBeLessThanOrEqual(CHECKS_BEFORE_BACKOFF);
    for (const answer of refused) {
      expect(answer.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The right password from the attacker's address waits too: it is not told that it was right.
    expect((await login(apps[0]!, user.username, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    // The owner on their own device is not locked out by someone else's guesses.
    expect((await login(apps[1]!, user.username, TEST_PASSWORD, OWNER_DEVICE)).statusCode).toBe(200);
  });

  it('does not let repeated wrong guesses from elsewhere lock the owner out', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    for (let i = 0; i < CHECKS_BEFORE_BACKOFF + 3; i++) await login(apps[0]!, user.username, `guess ${i}`, ATTACKER);
    expect((await login(apps[0]!, user.username, TEST_PASSWORD, ATTACKER)).statusCode).toBe(429);
    expect((await login(apps[0]!, user.username, TEST_PASSWORD, OWNER_DEVICE)).statusCode).toBe(200);
  });

  it('behind a trusted proxy, counts by the forwarded address, so the owner is still not locked out', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    const behindProxy = await buildApp({ store, trustProxy: ['127.0.0.1'] });
    apps.push(behindProxy);
    const via = (from: string, password: string) =>
      behindProxy.inject({
        method: 'POST',
        url: authPaths.login,
        payload: { username: user.username, password },
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': from },
      });
    for (let i = 0; i <= CHECKS_BEFORE_BACKOFF; i++) await via(ATTACKER, `guess ${i}`);
    expect((await via(ATTACKER, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await via(OWNER_DEVICE, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('forgets the owner’s own typos once they sign in', async () => {
    const { user } = await createTestUser(store, ['teacher'], ['own-school']);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < CHECKS_BEFORE_BACKOFF - 1; i++)
        expect((await login(apps[1]!, user.username, `typo ${i}`, OWNER_DEVICE)).statusCode).toBe(401);
      expect((await login(apps[0]!, user.username, TEST_PASSWORD, OWNER_DEVICE)).statusCode).toBe(200);
    }
  });
});
