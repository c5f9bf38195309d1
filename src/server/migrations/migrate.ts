import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store';

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
/** Any constant: two server processes starting at once take turns migrating. */
const MIGRATION_LOCK = 7_414_101;

export interface Migration {
  id: string;
  sql: string;
}

export class DatabaseNewerThanCodeError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `The database has migrations this server does not know (${unknownMigrations.join(', ')}): ` +
        'it was used by a newer version of Atbalsts. Start that version, or restore a backup made for this one.',
    );
  }
}

/** The SQL files next to this module, ordered by their timestamp prefix. */
export async function loadMigrations(dir = SQL_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(files.map(async (f) => ({ id: f.replace(/\.sql$/, ''), sql: await readFile(dir + f, 'utf8') })));
}

/**
 * Applies the pending migrations in one transaction together with their records in schema_migrations: a failure
 * leaves the database exactly as it was. Refuses to run on a database that has a migration the code does not know. Returns the ids applied.
 */
export async function migrate(store: Store, migrations?: Migration[]): Promise<string[]> {
  const known = migrations ?? (await loadMigrations());
  await store.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  await store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const rows = await tx.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    const done = new Set(rows.map((r) => r.id));
    const unknown = [...done].filter((id) => !known.some((m) => m.id === id));
    if (unknown.length) throw new DatabaseNewerThanCodeError(unknown);
    for (const migration of known) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}

export async function currentSchemaVersion(store: Store): Promise<string> {
  const rows = await store.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id DESC LIMIT 1');
  return rows[0]?.id ?? 'none';
}
