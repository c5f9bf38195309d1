import { PGlite } from '@electric-sql/pglite';
import type { Queryable, Store } from './store';

/**
 * Embedded PostgreSQL (WASM) in a folder, or in memory when `dataDir` is omitted. It has one connection, so
 * transactions are serialised by PGlite itself.
 */
export async function createPgliteStore(dataDir?: string): Promise<Store> {
  return pgliteStore(dataDir ? await PGlite.create(dataDir) : await PGlite.create());
}

/** Wraps an open PGlite (tests start from a dumped template, which is much faster than a fresh initdb). */
export function pgliteStore(db: PGlite): Store {
  return {
    kind: 'pglite',
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (transaction) =>
        work({
          async query<Row extends object>(sql: string, params: unknown[] = []) {
            return (await transaction.query<Row>(sql, params)).rows;
          },
          async exec(sql: string) {
            await transaction.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}
