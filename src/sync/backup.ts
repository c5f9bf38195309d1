/**
 * An encrypted file of what this device has not yet sent, and restoring it on the same account (item: storage that
 * survives — a browser may evict a site's IndexedDB). The file key is random and wrapped by the person's password
 * with the same PBKDF2 (600,000 rounds) and AES-GCM as the device's data key; the payload is bound to the account
 * and the time in the file (see domain/rules/unsentBackup).
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupPayloadPlace,
  readBackupEnvelope,
  readBackupPayload,
  type BackupEnvelope,
  type BackupProblem,
  type RestoreSummary,
} from '../domain';
import {
  canRestoreInto,
  createDataKey,
  decryptValue,
  encryptValue,
  readDocuments,
  restoreDocuments,
  unwrapDataKey,
  wrapDataKey,
  WrongSecretError,
} from '../db';
import { useSession } from './auth/session';
import { rememberedPending } from './pending';

export type BackupFailure = BackupProblem | 'wrongPassword' | 'nothingToExport' | 'locked';

export class BackupError extends Error {
  constructor(readonly problem: BackupFailure) {
    super(problem);
  }
}

function unlocked() {
  const state = useSession.getState();
  if (state.status !== 'unlocked') throw new BackupError('locked');
  return state;
}

export interface ExportedBackup {
  fileName: string;
  text: string;
  count: number;
}

/** Every local document with a change the server has not accepted, encrypted under the person's password. */
export async function exportUnsentChanges(password: string): Promise<ExportedBackup> {
  const { account, db } = unlocked();
  // The file must open with a password the person knows: the one that opens this device's data.
  await unwrapDataKey(account.passwordKey, password).catch((error: unknown) => {
    throw error instanceof WrongSecretError ? new BackupError('wrongPassword') : error;
  });
  const documents = await readDocuments(db, rememberedPending(db.name));
  if (documents.length === 0) throw new BackupError('nothingToExport');
  const createdAt = new Date().toISOString();
  const fileKey = await createDataKey();
  const place = backupPayloadPlace({ accountId: account.userId, createdAt });
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    accountId: account.userId,
    createdAt,
    documentCount: documents.length,
    key: await wrapDataKey(fileKey, password),
    payload: await encryptValue({ accountId: account.userId, createdAt, documents }, fileKey, place),
  };
  const stamp = createdAt.slice(0, 16).replace(/[T:]/g, '-');
  return { fileName: `atbalsts-${stamp}.atbalsts.json`, text: JSON.stringify(envelope), count: documents.length };
}

/**
 * Restores a backup of this same account: checks the file, the password and every document before writing any,
 * then writes what the device lacks or holds older. Documents changed here since are kept (and counted).
 */
export async function importBackup(
  text: string,
  password: string,
  onProgress?: (done: number, total: number) => void,
): Promise<RestoreSummary> {
  const { account, db } = unlocked();
  const envelope = readBackupEnvelope(text, account.userId);
  if (!envelope.ok) throw new BackupError(envelope.problem);
  const fileKey = await unwrapDataKey(envelope.value.key, password).catch(() => {
    throw new BackupError('wrongPassword');
  });
  const value = await decryptValue(envelope.value.payload, fileKey, backupPayloadPlace(envelope.value)).catch(() => {
    // The key opened, so the password was right: the payload was changed or damaged.
    throw new BackupError('corrupt');
  });
  const entries = readBackupPayload(value, envelope.value);
  if (!entries.ok) throw new BackupError(entries.problem);
  if (!canRestoreInto(db, entries.value)) throw new BackupError('incompatible');
  return restoreDocuments(db, entries.value, onProgress);
}
