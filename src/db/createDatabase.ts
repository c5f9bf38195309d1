import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { logPlanEdit, type CollectionName, type EntityOf, type SupportPlan } from '../domain';
import { newId, nowIso } from './ids';
import { mergingConflictHandler } from './conflictHandler';
import { collectionDefinitions } from './schemas/collections';
import { sentStatesOf } from './sentStates';

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
  /**
   * The person working on this device: every local insert, edit and deletion is signed with their id
   * (`updatedBy`), so other devices can say whose change it was. Writes that sync brings are left as they came.
   */
  author?: string;
}

function signLocalWrites(db: AtbalstsDatabase, author: string) {
  // RxDB runs these hooks for writes made through the collection API only; replication writes bypass them.
  const sign = (data: { updatedBy?: string | undefined }) => {
    data.updatedBy = author;
  };
  for (const collection of Object.values(db.collections) as unknown as RxCollection<{ updatedBy?: string }>[]) {
    collection.preInsert(sign, false);
    collection.preSave(sign, false);
    collection.preRemove(sign, false);
  }
  // Every content edit of a plan made here is logged on the plan in its person's name (rules/planEditLog), however
  // it was made (a screen, taking up a refused change): the plan's history lists them.
  const plans = (db.collections as Partial<AtbalstsCollections>).plans;
  // RxDB hands this hook the stored data as it was (typed as a document, it is plain data: rx-document.ts).
  plans?.preSave((data, before) => {
    const logged = logPlanEdit(before as unknown as SupportPlan, data as SupportPlan, {
      byUserId: author,
      at: typeof data.updatedAt === 'string' ? data.updatedAt : nowIso(),
      entryId: newId(),
    });
    if (logged.edits) data.edits = logged.edits;
  }, false);
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
    // Each database merges with its own memory of the states it sent (a lost answer's write is recognised).
    const conflictHandler = mergingConflictHandler(sentStatesOf(db));
    await db.addCollections(
      Object.fromEntries(wanted.map((name) => [name, { ...collectionDefinitions[name], conflictHandler }])),
    );
    if (options.author !== undefined) signLocalWrites(db, options.author);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
