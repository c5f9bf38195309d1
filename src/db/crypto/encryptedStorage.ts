import { wrapRxStorageInstance, type RxDocumentData, type RxStorage, type RxStorageInstanceCreationParams } from 'rxdb';
import { decryptValue, encryptValue } from './fieldCipher';

/** Top-level fields stored encrypted, by collection name. */
export type EncryptedFields = Readonly<Record<string, readonly string[]>>;

/**
 * Wraps a storage so the listed fields are AES-GCM ciphertext in IndexedDB and plaintext everywhere above it
 * (queries, the UI, replication). Encrypted fields cannot be indexed or queried; the schemas never do.
 * `getKey` is asked at every read and write, so a locked device (no key in memory) fails loudly instead of
 * writing plaintext.
 */
export function encryptedStorage<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  fields: EncryptedFields,
  getKey: () => CryptoKey,
): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const encrypted = fields[params.collectionName] ?? [];
      if (encrypted.length === 0) return storage.createStorageInstance(params);

      // Ciphertext is a string whatever the field held, so the stored schema says so.
      const schema = structuredClone(params.schema);
      const properties = schema.properties as Record<string, unknown>;
      for (const field of encrypted) properties[field] = { type: 'string' };
      const instance = await storage.createStorageInstance({ ...params, schema });
      const primaryKey = String(params.schema.primaryKey);
      const place = (doc: Record<string, unknown>, field: string) =>
        `${params.collectionName}:${String(doc[primaryKey])}:${field}`;

      async function toStorage(docData: Record<string, unknown>) {
        const key = getKey();
        const out = { ...docData };
        for (const field of encrypted) {
          if (out[field] !== undefined) out[field] = await encryptValue(out[field], key, place(out, field));
        }
        return out as RxDocumentData<unknown>;
      }
      async function fromStorage(docData: Record<string, unknown>) {
        const key = getKey();
        const out = { ...docData };
        for (const field of encrypted) {
          if (typeof out[field] === 'string') out[field] = await decryptValue(out[field], key, place(out, field));
        }
        return out as RxDocumentData<RxDocType>;
      }
      return wrapRxStorageInstance(params.schema, instance, toStorage as never, fromStorage as never);
    },
  };
}
