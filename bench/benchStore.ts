import { PGlite } from '@electric-sql/pglite';
import { pgliteStore } from '../src/server/store/pgliteStore';
import { createPostgresStore } from '../src/server/store/postgresStore';
import type { Store } from '../src/server/store/store';

/**
 * A store for one bench run: a fresh schema on PostgreSQL when BENCH_DATABASE_URL (or else TEST_DATABASE_URL) is set,
 * dropped by `close`; otherwise embedded PGlite in memory.
 */
export async function openBenchStore(
  prefix: string,
): Promise<{ store: Store; name: string; close: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `${prefix}_${Date.now()}`;
    const admin = createPostgresStore({ connectionString: url });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const store = createPostgresStore({ connectionString: url, options: `-c search_path=${schema}` });
    return {
      store,
      name: 'PostgreSQL',
      close: async () => {
        await store.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const store = pgliteStore(await PGlite.create());
  return { store, name: 'PGlite', close: () => store.close() };
}
