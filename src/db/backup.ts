import type { RxCollection } from 'rxdb';
import {
  decideRestore,
  emptyRestoreSummary,
  type BackupEntry,
  type CollectionName,
  type RestoreSummary,
} from '../domain';
import type { AtbalstsDatabase } from './createDatabase';

type Doc = BackupEntry['document'];
const collectionOf = (db: AtbalstsDatabase, name: CollectionName) =>
  // One code path for every collection: documents here are already checked against their entity's schema.
  db.collections[name] as unknown as RxCollection<Doc> | undefined;

/**
 * The device's current copies of the given documents (collection → ids), as plain data with sensitive fields
 * decrypted — the input of an export. Ids no longer in the database (deleted since) are left out.
 */
export async function readDocuments(
  db: AtbalstsDatabase,
  idsByCollection: Record<string, readonly string[]>,
): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = [];
  for (const [name, ids] of Object.entries(idsByCollection)) {
    const collection = collectionOf(db, name as CollectionName);
    if (!collection || ids.length === 0) continue;
    const found = await collection.findByIds([...ids]).exec();
    for (const id of ids) {
      const doc = found.get(id);
      if (doc) entries.push({ collection: name as CollectionName, document: doc.toMutableJSON() as Doc });
    }
  }
  return entries;
}

/** Every collection the backup names is open here; checked before anything is written. */
export function canRestoreInto(db: AtbalstsDatabase, entries: readonly BackupEntry[]): boolean {
  return entries.every((entry) => collectionOf(db, entry.collection) !== undefined);
}

/**
 * Writes the backed-up documents the device lacks or holds older, as the person's own changes (so they sync), and
 * keeps every copy changed here since (see decideRestore). Reports progress after each document.
 */
export async function restoreDocuments(
  db: AtbalstsDatabase,
  entries: readonly BackupEntry[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<RestoreSummary> {
  const summary = emptyRestoreSummary();
  let done = 0;
  for (const entry of entries) {
    const collection = collectionOf(db, entry.collection);
    if (!collection) throw new Error(`Collection ${entry.collection} is not open`);
    const local = await collection.findOne(entry.document.id).exec();
    const decision = decideRestore(entry.document, local ? (local.toMutableJSON() as Doc) : undefined);
    if (decision === 'restore') await collection.upsert(entry.document);
    summary[decision] += 1;
    onProgress(++done, entries.length);
  }
  return summary;
}
