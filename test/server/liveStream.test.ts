import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { localChangeFeed, postgresChangeFeed } from '../../src/server/live/changeFeed';
import { migrate } from '../../src/server/migrations/migrate';
import { createPostgresStore } from '../../src/server/store/postgresStore';
import { createTestUser, ensureSchools } from '../fixtures/accounts';
import { learner, newRow } from '../fixtures/documents';
import { listening, openStream } from '../fixtures/sseClient';
import { storeFactories } from '../fixtures/stores';

describe('live change stream', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  it('says RESYNC on connect, then names a collection after each committed push, and ends on shutdown', async () => {
    const { store, dispose } = await storeFactories[0]!.create();
    cleanup.push(dispose);
    await migrate(store);
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    const teacher = await createTestUser(store, ['teacher'], ['school-1']);
    const app = await buildApp({ store, feed: localChangeFeed() });
    const url = await listening(app);
    const stream = await openStream(url, teacher);
    expect(await stream.next()).toBe('RESYNC');
    const push = await fetch(`${url}/api/sync/learners/push`, {
      method: 'POST',
      headers: { ...teacher.headers, 'content-type': 'application/json' },
      body: JSON.stringify([newRow(learner())]),
    });
    expect(push.status).toBe(200);
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'learners' });
    // A device holding a stream open must not keep the server from stopping.
    await Promise.race([
      app.close(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('close hung')), 5_000)),
    ]);
    stream.close();
    // The file's first store runs initdb for the PGlite template, which takes long on a busy machine.
  }, 90_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'a push to one server process reaches a device streaming from another (PostgreSQL LISTEN/NOTIFY)',
    async () => {
      const factory = storeFactories.find((f) => f.name === 'postgres')!;
      const { store, dispose } = await factory.create();
      cleanup.push(dispose);
      await migrate(store);
      await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
      const teacher = await createTestUser(store, ['teacher'], ['school-1']);
      const [schema] = await store.query<{ schema: string }>('SELECT current_schema() AS schema');
      const options = `-c search_path=${schema!.schema}`;
      const url = process.env.TEST_DATABASE_URL!;
      const servers = await Promise.all(
        [0, 1].map(async () => {
          const own = createPostgresStore({ connectionString: url, options });
          const app = await buildApp({ store: own, feed: await postgresChangeFeed(url, options) });
          cleanup.push(async () => {
            await app.close();
            await own.close();
          });
          return listening(app);
        }),
      );
      const stream = await openStream(servers[1]!, teacher);
      cleanup.push(async () => stream.close());
      expect(await stream.next()).toBe('RESYNC');
      const push = await fetch(`${servers[0]}/api/sync/learners/push`, {
        method: 'POST',
        headers: { ...teacher.headers, 'content-type': 'application/json' },
        body: JSON.stringify([newRow(learner())]),
      });
      expect(push.status).toBe(200);
      expect(JSON.parse(await stream.next())).toEqual({ collection: 'learners' });
    },
  );
});
