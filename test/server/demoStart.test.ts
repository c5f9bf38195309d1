import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { demoPolicy, loadConfig } from '../../src/server/config';
import { migrate } from '../../src/server/migrations/migrate';
import { DemoNotServedHere, prepareDemo } from '../../src/server/seed/seedDemo';
import type { Store } from '../../src/server/store/store';
import { authPaths } from '../../src/sync/protocol/auth';
import { storeFactories } from '../fixtures/stores';

const ON_A_NETWORK = demoPolicy(loadConfig({ HOST: '0.0.0.0' }));
const ON_THIS_MACHINE = demoPolicy(loadConfig({ HOST: '127.0.0.1' }));
const FORCED = demoPolicy(loadConfig({ HOST: '0.0.0.0', SEED_DEMO: 'force' }));

describe('the demo at start, on PGlite', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  // The first PGlite of a run makes the template the others start from: in the hook's time, not a test's.
  beforeAll(async () => (await storeFactories[0]!.create()).dispose());
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  async function emptyDatabase(): Promise<{ store: Store; app: FastifyInstance }> {
    const { store, dispose } = await storeFactories[0]!.create();
    cleanup.push(dispose);
    await migrate(store);
    const app = await buildApp({ store });
    cleanup.push(() => app.close());
    return { store, app };
  }
  const status = async (app: FastifyInstance) => (await app.inject({ method: 'GET', url: authPaths.status })).json();
  const documents = async (store: Store) =>
    (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0]!.n;

  it('does not seed a server listening beyond loopback, says why, and starts with the first-run screen', async () => {
    const { store, app } = await emptyDatabase();
    const said = await prepareDemo(store, ON_A_NETWORK);
    expect(said).toContain('Not seeding');
    expect(said).toContain('0.0.0.0');
    expect(said).toContain('SEED_DEMO=force');
    expect(await documents(store)).toBe(0);
    expect(await status(app)).toEqual({ needsSetup: true, demo: false });
  });

  it('refuses to serve a database holding the demo beyond loopback unless forced', async () => {
    const { store } = await emptyDatabase();
    // As left by a demo once seeded on loopback.
    await store.query(`INSERT INTO installation (key, value) VALUES ('demo', 'seeded')`);
    await expect(prepareDemo(store, ON_A_NETWORK)).rejects.toBeInstanceOf(DemoNotServedHere);
    await expect(prepareDemo(store, FORCED)).resolves.toBeNull();
    await expect(prepareDemo(store, ON_THIS_MACHINE)).resolves.toBeNull();
    expect(await documents(store)).toBe(0);
  });

  it('seeds an empty database on loopback and tells devices it holds demo data', async () => {
    const { store, app } = await emptyDatabase();
    expect(await prepareDemo(store, ON_THIS_MACHINE)).toContain('Seeded');
    expect(await documents(store)).toBeGreaterThan(100);
    expect(await status(app)).toEqual({ needsSetup: false, demo: true });
    // Started again: nothing seeded twice, still demo.
    expect(await prepareDemo(store, ON_THIS_MACHINE)).toBeNull();
    expect(await status(app)).toEqual({ needsSetup: false, demo: true });
  });
});
