import { removeRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDatabase, type AtbalstsDatabase } from './createDatabase';
import { encryptedStorage } from './crypto/encryptedStorage';
import { localStorageSealMarks } from './crypto/sealPlaintextRows';
import { SENSITIVE_FIELDS } from './crypto/sensitiveFields';
import { STORAGE_KEYS } from './constants';

let current: { name: string; opening: Promise<AtbalstsDatabase> } | null = null;

function storageFor(name: string, key: CryptoKey) {
  return encryptedStorage(getRxStorageDexie(), SENSITIVE_FIELDS, () => key, {
    sealMarks: localStorageSealMarks(`${STORAGE_KEYS.sealedPrefix}${name}`),
  });
}

/**
 * The signed-in person's own database (IndexedDB through Dexie, sensitive fields AES-GCM encrypted with their data
 * key), every local write signed with their id (`author`). Opened once however many components ask; another
 * person's database is closed first.
 */
export function openUserDatabase(name: string, key: CryptoKey, author: string): Promise<AtbalstsDatabase> {
  if (current?.name === name) return current.opening;
  // Claimed synchronously, so a second caller in the same tick shares this open instead of starting its own.
  const previous = current;
  const opening = (async () => {
    if (previous) await (await previous.opening.catch(() => null))?.close();
    return createDatabase({ name, storage: storageFor(name, key), author });
  })();
  current = { name, opening };
  opening.catch(() => {
    if (current?.opening === opening) current = null;
  });
  return opening;
}

/** Locking closes the database: with the key gone from memory nothing can be read or written. */
export async function closeUserDatabase(): Promise<void> {
  const closing = current;
  current = null;
  if (closing) await (await closing.opening.catch(() => null))?.close();
}

/** Signing out wipes the person's local data from this device. */
export async function removeUserDatabase(name: string): Promise<void> {
  if (current?.name === name) await closeUserDatabase();
  globalThis.localStorage?.removeItem(`${STORAGE_KEYS.sealedPrefix}${name}`);
  const timeout = <T>(ms: number) => new Promise<T | undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  await Promise.race([removeRxDatabase(name, getRxStorageDexie()).catch(() => undefined), timeout(5_000)]);
  // Whatever RxDB left (a connection still closing blocks its delete): delete the stores by name; a blocked
  // delete completes as soon as that connection goes, at the latest on the next start.
  if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return;
  const left = (await indexedDB.databases())
    .map((d) => d.name ?? '')
    .filter((n) => n.startsWith(`rxdb-dexie-${name}--`));
  await Promise.race([
    Promise.all(
      left.map(
        (n) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(n);
            request.onsuccess = request.onerror = () => resolve();
          }),
      ),
    ),
    timeout(5_000),
  ]);
}
