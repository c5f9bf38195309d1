/**
 * The file a person exports of what has not reached the server yet, and the rules for restoring it: what a valid
 * file is, and for each document whether to restore it or keep what the device has. Pure: the crypto lives in
 * src/sync/backup.ts, the reads and writes in src/db/backup.ts.
 *
 * The file is JSON: a plaintext envelope (format, version, account, when, how many, the wrapped file key) and an
 * AES-GCM payload bound to the envelope's account and time, so it opens only with the password and only as itself.
 */
import { z } from 'zod';
import { collectionNames, entitySchemas, type CollectionName } from '../entities';
import { idSchema, timestampSchema } from '../primitives';

export const BACKUP_FORMAT = 'atbalsts-unsent-changes';
export const BACKUP_VERSION = 1;

const wrappedKeySchema = z.strictObject({
  kdf: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.string().min(1).max(100),
  iv: z.string().min(1).max(100),
  wrapped: z.string().min(1).max(200),
});

export const backupEnvelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  accountId: idSchema,
  createdAt: timestampSchema,
  documentCount: z.number().int().min(0),
  key: wrappedKeySchema,
  payload: z.string().min(1),
});
export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;

export interface BackupEntry {
  collection: CollectionName;
  document: { id: string; updatedAt: string } & Record<string, unknown>;
}

const payloadSchema = z.strictObject({
  accountId: idSchema,
  createdAt: timestampSchema,
  documents: z.array(
    z.strictObject({
      collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]),
      document: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type BackupPayload = z.infer<typeof payloadSchema>;

/** Why a file cannot be restored; each has its own sentence for the person. */
export type BackupProblem = 'notBackup' | 'newerVersion' | 'corrupt' | 'otherAccount' | 'incompatible';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: BackupProblem };

/** The additional data the payload is encrypted with: a payload moved under another envelope does not decrypt. */
export const backupPayloadPlace = (envelope: Pick<BackupEnvelope, 'accountId' | 'createdAt'>) =>
  `${BACKUP_FORMAT}:v${BACKUP_VERSION}:${envelope.accountId}:${envelope.createdAt}`;

/** Reads the file's text as far as it can be read without the password. */
export function readBackupEnvelope(text: string, accountId: string): Checked<BackupEnvelope> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A truncated download or a damaged file ends here.
    return { ok: false, problem: 'corrupt' };
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'notBackup' };
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) return { ok: false, problem: 'newerVersion' };
  const envelope = backupEnvelopeSchema.safeParse(parsed);
  if (!envelope.success) return { ok: false, problem: 'corrupt' };
  if (envelope.data.accountId !== accountId) return { ok: false, problem: 'otherAccount' };
  return { ok: true, value: envelope.data };
}

/** Checks the decrypted payload against its envelope and every document against its entity's schema. */
export function readBackupPayload(value: unknown, envelope: BackupEnvelope): Checked<BackupEntry[]> {
  const payload = payloadSchema.safeParse(value);
  if (!payload.success) return { ok: false, problem: 'corrupt' };
  const { accountId, createdAt, documents } = payload.data;
  if (accountId !== envelope.accountId || createdAt !== envelope.createdAt) return { ok: false, problem: 'corrupt' };
  if (documents.length !== envelope.documentCount) return { ok: false, problem: 'corrupt' };
  const entries: BackupEntry[] = [];
  for (const { collection, document } of documents) {
    // A document this version of the app cannot store is refused as a whole file: nothing is half-restored.
    if (!entitySchemas[collection].safeParse(document).success) return { ok: false, problem: 'incompatible' };
    entries.push({ collection, document: document as BackupEntry['document'] });
  }
  return { ok: true, value: entries };
}

export type RestoreDecision = 'restore' | 'alreadyHere' | 'newerHere';

/** JSON with keys in order, so two copies of a document compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What to do with one backed-up document, given the device's copy (if any). A copy changed here since the backup
 * (or arrived from the server newer) is kept — never overwritten silently; the summary says how many.
 */
export function decideRestore(
  backedUp: { updatedAt: string },
  local: ({ updatedAt: string } & Record<string, unknown>) | undefined,
): RestoreDecision {
  if (!local) return 'restore';
  if (canonical(local) === canonical(backedUp)) return 'alreadyHere';
  return Date.parse(local.updatedAt) >= Date.parse(backedUp.updatedAt) ? 'newerHere' : 'restore';
}

export type RestoreSummary = Record<RestoreDecision, number>;

export const emptyRestoreSummary = (): RestoreSummary => ({ restore: 0, alreadyHere: 0, newerHere: 0 });
