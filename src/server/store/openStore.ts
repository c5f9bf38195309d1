import { mkdir } from 'node:fs/promises';
import type { ServerConfig } from '../config';
import { createPgliteStore } from './pgliteStore';
import { createPostgresStore } from './postgresStore';
import type { Store } from './store';

export async function openStore(database: ServerConfig['database']): Promise<Store> {
  if (database.kind === 'postgres') return createPostgresStore({ connectionString: database.url });
  await mkdir(database.dataDir, { recursive: true });
  return createPgliteStore(database.dataDir);
}
