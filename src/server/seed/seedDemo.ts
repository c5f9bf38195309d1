import type { CollectionName, User } from '../../domain';
import { insertUser } from '../auth/accounts';
import { pushDocuments } from '../replication/documents';
import type { Store } from '../store/store';
import { DEMO_PASSWORD, demoDocuments } from './demoData';

/**
 * Inserts the demo municipality through the same path as a device's push, so every row gets its sequence, and an
 * account for each demo staff member (all with the demo password the README lists).
 */
export async function seedDemoData(store: Store): Promise<number> {
  let count = 0;
  const { users = [], ...rest } = demoDocuments();
  await store.transaction(async (tx) => {
    for (const user of users as User[]) await insertUser(tx, user, user.username, DEMO_PASSWORD);
  });
  count += users.length;
  for (const [collection, docs] of Object.entries(rest) as [CollectionName, object[]][]) {
    const rows = docs.map((doc) => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }));
    const result = await pushDocuments(store, collection, rows);
    if (!result.ok) throw new Error(`Demo ${collection} are invalid: ${JSON.stringify(result.problems)}`);
    count += result.written.length;
  }
  return count;
}

/** Seeds only a database that holds no documents at all: never touches real data. */
export async function seedDemoIfEmpty(store: Store): Promise<number> {
  const [row] = await store.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM documents) AS present');
  return row?.present ? 0 : seedDemoData(store);
}
