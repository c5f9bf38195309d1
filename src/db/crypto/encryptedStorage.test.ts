import { createRxDatabase, type RxCollection, type RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { encryptedStorage } from './encryptedStorage';
import { isCiphertext } from './fieldCipher';
import { createDataKey } from './keyring';

interface Note {
  id: string;
  learnerId: string;
  body: string;
  tags?: string[];
}
type Collections = { notes: RxCollection<Note> };

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    learnerId: { type: 'string', maxLength: 40 },
    body: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'learnerId', 'body'],
  indexes: ['learnerId'],
} as const;

describe('encrypted storage', () => {
  it('stores listed fields as ciphertext and gives plaintext back to queries', async () => {
    const key = await createDataKey();
    const memory = getRxStorageMemory();
    // Keep a handle on the storage below the wrapper, to read what it holds as someone with the disk would.
    const below: RxStorageInstance<Record<string, unknown>, unknown, unknown>[] = [];
    const inner = {
      ...memory,
      async createStorageInstance(params: Parameters<typeof memory.createStorageInstance>[0]) {
        const instance = await memory.createStorageInstance(params);
        if (params.collectionName === 'notes') below.push(instance as never);
        return instance;
      },
    } as typeof memory;
    const db = await createRxDatabase<Collections>({
      name: `enc${crypto.randomUUID().slice(0, 8)}`,
      storage: encryptedStorage(inner, { notes: ['body', 'tags'] }, () => key),
      multiInstance: false,
    });
    await db.addCollections({ notes: { schema } });
    await db.notes.insert({ id: 'n1', learnerId: 'l1', body: 'Ģimenē konflikts', tags: ['family'] });

    const found = await db.notes.find({ selector: { learnerId: 'l1' } }).exec();
    expect(found.map((d) => d.toJSON())).toEqual([
      { id: 'n1', learnerId: 'l1', body: 'Ģimenē konflikts', tags: ['family'] },
    ]);

    const [stored] = (await below[0]?.findDocumentsById(['n1'], false)) ?? [];
    expect(stored).toBeDefined();
    expect(isCiphertext(stored?.body)).toBe(true);
    expect(isCiphertext(stored?.tags)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('konflikts');
    expect(stored?.learnerId).toBe('l1');
    await db.close();
  });

  it('fails rather than write plaintext while locked', async () => {
    const db = await createRxDatabase<Collections>({
      name: `enc${crypto.randomUUID().slice(0, 8)}`,
      storage: encryptedStorage(getRxStorageMemory(), { notes: ['body'] }, () => {
        throw new Error('locked');
      }),
      multiInstance: false,
    });
    await db.addCollections({ notes: { schema } });
    await expect(db.notes.insert({ id: 'n1', learnerId: 'l1', body: 'x' })).rejects.toThrow('locked');
    await db.close();
  });
});
