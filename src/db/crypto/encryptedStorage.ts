import {
  getPrimaryFieldOfPrimaryKey,
  META_INSTANCE_SCHEMA_TITLE,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { decryptValue, encryptValue, isCiphertext } from './fieldCipher';
import { sealPlaintextRows, type SealMarks } from './sealPlaintextRows';
import { wrapInOrder } from './wrapInOrder';

/** Top-level fields stored encrypted, by collection name. */
export type EncryptedFields = Readonly<Record<string, readonly string[]>>;

/**
 * RxDB's replication keeps, per replicated collection, a meta store (`rx-replication-meta-<hash>`) holding a copy of
 * every document as the server last had it, under `docData`. RxDB only ever reads and writes those rows by id (see
 * replication-protocol/meta-instance.js and checkpoint.js) and never indexes or queries `docData`, so the whole copy is
 * sealed, whatever collection it mirrors. `checkpointData` (server sequence and reach fingerprint) and
 * `isResolvedConflict` (a revision) hold nothing a person typed.
 */
const META_ENCRYPTED_FIELDS = ['docData'] as const;

export interface EncryptedStorageOptions {
  /**
   * Remembers which stores were already swept for plaintext written by an older version, so the sweep runs once per
   * store and field list. Without it every open sweeps (tests on the memory storage).
   */
  sealMarks?: SealMarks;
}

/**
 * Wraps a storage so the listed fields are AES-GCM ciphertext in IndexedDB and plaintext everywhere above it
 * (queries, the UI, replication). Encrypted fields cannot be indexed or queried; the schemas never do.
 * `getKey` is asked at every read and write, so a locked device (no key in memory) fails loudly instead of
 * writing plaintext.
 *
 * Each value is bound to its place (store, document id, field) as AES-GCM additional data. A value found in
 * plaintext — written before the field was encrypted — is still read, and sealed when its store is opened.
 */
export function encryptedStorage<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  fields: EncryptedFields,
  getKey: () => CryptoKey,
  options: EncryptedStorageOptions = {},
): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const isReplicationMeta = params.schema.title === META_INSTANCE_SCHEMA_TITLE;
      const encrypted = isReplicationMeta ? META_ENCRYPTED_FIELDS : (fields[params.collectionName] ?? []);
      if (encrypted.length === 0) return storage.createStorageInstance(params);

      const schema = storedSchema(params.schema, encrypted);
      const instance = await storage.createStorageInstance({ ...params, schema });
      const primaryKey = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const place = (doc: Record<string, unknown>, field: string) =>
        `${params.collectionName}:${String(doc[primaryKey])}:${field}`;

      /**
       * The fields of one document are transformed concurrently (each is its own `crypto.subtle` call, bound to its
       * own place), then set in the list's order: awaiting them one after another left the crypto threads idle.
       */
      async function transformed(
        doc: Record<string, unknown>,
        applies: (value: unknown) => boolean,
        transform: (value: unknown, place: string) => Promise<unknown>,
      ) {
        const out = { ...doc };
        const fieldsToDo = encrypted.filter((field) => applies(out[field]));
        const values = await Promise.all(fieldsToDo.map((field) => transform(out[field], place(out, field))));
        fieldsToDo.forEach((field, i) => (out[field] = values[i]));
        return out;
      }

      async function toStorage(docData: Record<string, unknown>) {
        const key = getKey();
        return (await transformed(
          docData,
          (value) => value !== undefined,
          (value, at) => encryptValue(value, key, at),
        )) as RxDocumentData<unknown>;
      }
      /** A stored row as found: only its plaintext values are encrypted, its ciphertext is left as it is. */
      async function sealStored(stored: Record<string, unknown>) {
        const key = getKey();
        return (await transformed(
          stored,
          (value) => value !== undefined && !isCiphertext(value),
          (value, at) => encryptValue(value, key, at),
        )) as RxDocumentData<unknown>;
      }
      async function fromStorage(docData: Record<string, unknown>) {
        const key = getKey();
        // A string is always ciphertext (decryptValue refuses anything else); an object or array can only be a
        // value stored before this field was encrypted, and is sealed at the next open (sealPlaintextRows).
        return (await transformed(
          docData,
          (value) => typeof value === 'string',
          (value, at) => decryptValue(value as string, key, at),
        )) as RxDocumentData<RxDocType>;
      }

      try {
        await sealPlaintextRows(instance, {
          primaryKey,
          isSealed: (doc) => encrypted.every((field) => doc[field] === undefined || isCiphertext(doc[field])),
          seal: sealStored,
          mark: `${params.databaseName}/${params.collectionName}/${params.schema.version}/${encrypted.join(',')}`,
          marks: options.sealMarks,
        });
      } catch (error) {
        await instance.close();
        throw error;
      }
      return wrapInOrder(params.schema, instance, toStorage, fromStorage as never);
    },
  };
}

/** Ciphertext is a string whatever the field held, so the schema given to the storage below says so. */
function storedSchema<T>(schema: RxJsonSchema<RxDocumentData<T>>, encrypted: readonly string[]) {
  const stored = structuredClone(schema);
  const properties = stored.properties as Record<string, unknown>;
  for (const field of encrypted) properties[field] = { type: 'string' };
  return stored;
}
