import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseNewerThanCodeError, loadMigrations, migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { storeFactories } from '../fixtures/stores';

describe.each(storeFactories)('migrations on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  afterEach(async () => dispose?.());

  it('applies every migration once, records it, and does nothing the second time', async () => {
    ({ store, dispose } = await factory.create());
    const known = await loadMigrations();
    expect(known.length).toBeGreaterThan(0);
    expect(await migrate(store)).toEqual(known.map((m) => m.id));
    expect(await migrate(store)).toEqual([]);
    const recorded = await store.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(recorded.map((r) => r.id)).toEqual(known.map((m) => m.id));
    await store.query('SELECT collection, id, data, deleted, seq FROM documents LIMIT 1');
  });

  it('refuses a database that is newer than the code', async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    await store.query(`INSERT INTO schema_migrations (id) VALUES ('29990101000000_from_the_future')`);
    await expect(migrate(store)).rejects.toBeInstanceOf(DatabaseNewerThanCodeError);
  });

  it('leaves the database untouched when a migration fails', async () => {
    ({ store, dispose } = await factory.create());
    const broken = [
      { id: '20260101000000_good', sql: 'CREATE TABLE good_one (id int);' },
      { id: '20260101000001_bad', sql: 'CREATE TABLE bad_one (id int); SELECT no_such_function();' },
    ];
    await expect(migrate(store, broken)).rejects.toThrow();
    const tables = await store.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('good_one', 'bad_one')`,
    );
    expect(tables).toEqual([]);
    expect(await store.query('SELECT id FROM schema_migrations')).toEqual([]);
  });
});
