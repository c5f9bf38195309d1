import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { CollectionName, EntityOf } from '../domain';
import { collectionDefinitions } from './schemas/collections';

export type AtbalstsCollections = { [C in CollectionName]: RxCollection<EntityOf<C>> };
export type AtbalstsDatabase = RxDatabase<AtbalstsCollections>;

addRxPlugin(RxDBMigrationSchemaPlugin);

export interface CreateDatabaseOptions {
  name: string;
  // RxDB's storage type is generic over internal and instance types we never touch.
  storage: RxStorage<unknown, unknown>;
  /** Several tabs of one origin share the database through RxDB's BroadcastChannel; tests run single-instance. */
  multiInstance?: boolean;
  /**
   * Open only these collections. RxDB's free tier allows 13 open collections per JavaScript realm, so tests that
   * simulate several devices in one process open just the collections they exercise.
   */
  collections?: readonly CollectionName[];
}

/** Opens the database and its collections. The app calls it through `openUserDatabase` (database.ts), once a person. */
export async function createDatabase(options: CreateDatabaseOptions): Promise<AtbalstsDatabase> {
  const db = await createRxDatabase<AtbalstsCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    const wanted = options.collections ?? (Object.keys(collectionDefinitions) as CollectionName[]);
    await db.addCollections(Object.fromEntries(wanted.map((name) => [name, collectionDefinitions[name]])));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
