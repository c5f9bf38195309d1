import pg from 'pg';
import type { Queryable, Store } from './store';

// Return BIGINT sequence numbers as JS numbers: they stay far below 2^53 for any realistic install.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresStoreOptions {
  connectionString: string;
  /** Extra libpq options, e.g. `-c search_path=…` for an isolated test schema. */
  options?: string;
  max?: number;
}

export function createPostgresStore({ connectionString, options, max = 10 }: PostgresStoreOptions): Store {
  const pool = new pg.Pool({ connectionString, max, ...(options ? { options } : {}) });
  // An idle client losing its connection must not crash the server; the pool replaces it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      const result = await pool.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<Row extends object>(sql: string, params: unknown[] = []) {
          return (await client.query<Row>(sql, params)).rows;
        },
        async exec(sql: string) {
          await client.query(sql);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
