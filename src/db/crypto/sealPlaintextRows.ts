import { normalizeMangoQuery, prepareQuery, type RxDocumentData, type RxStorageInstance } from 'rxdb';

/** Which stores were already swept, so the sweep runs once per store and list of encrypted fields. */
export interface SealMarks {
  has(mark: string): boolean;
  add(mark: string): void;
}

/** Marks kept in one localStorage entry (they hold only store names). */
export function localStorageSealMarks(storageKey: string): SealMarks | undefined {
  const storage = globalThis.localStorage as Storage | undefined;
  if (!storage) return undefined;
  const read = (): string[] => {
    try {
      const parsed = JSON.parse(storage.getItem(storageKey) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter((m): m is string => typeof m === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    has: (mark) => read().includes(mark),
    add: (mark) => storage.setItem(storageKey, JSON.stringify([...new Set([...read(), mark])])),
  };
}

const BATCH = 200;
type Row = Record<string, unknown>;

export interface SealOptions {
  primaryKey: string;
  isSealed(doc: Row): boolean;
  seal(doc: Row): Promise<RxDocumentData<unknown>>;
  mark: string;
  marks: SealMarks | undefined;
}

/**
 * Rewrites, as ciphertext, every row of the store below the encryption wrapper that still holds a plaintext value in
 * an encrypted field: rows written by a version that did not yet encrypt that field (the replication meta's document
 * copies, conflict records). Deleted rows (tombstones keep their data) are swept too. Revision and write time stay as
 * they were — the document did not change, only how it is kept — so neither RxDB's cache nor replication sees a change.
 */
export async function sealPlaintextRows<T, Internals, Options>(
  instance: RxStorageInstance<T, Internals, Options>,
  { primaryKey, isSealed, seal, mark, marks }: SealOptions,
): Promise<void> {
  if (marks?.has(mark)) return;
  const schema = instance.schema;
  let after: string | undefined;
  for (;;) {
    const selector = after === undefined ? {} : { [primaryKey]: { $gt: after } };
    const query = prepareQuery(
      schema,
      normalizeMangoQuery(schema, { selector, sort: [{ [primaryKey]: 'asc' }], limit: BATCH } as never),
    );
    const { documents } = await instance.query(query);
    const plaintext = (documents as unknown as Row[]).filter((doc) => !isSealed(doc));
    if (plaintext.length > 0) {
      const rows = await Promise.all(
        plaintext.map(async (doc) => ({ previous: doc as never, document: (await seal(doc)) as never })),
      );
      const { error } = await instance.bulkWrite(rows, 'atbalsts-seal-at-rest');
      // A conflict means the row was written meanwhile, through this wrapper (so sealed); anything else is a fault.
      const fault = error.find((e) => e.status !== 409);
      if (fault) throw new Error(`Could not seal stored rows (${fault.status})`);
    }
    if (documents.length < BATCH) break;
    after = String((documents[documents.length - 1] as unknown as Row)[primaryKey]);
  }
  marks?.add(mark);
}
