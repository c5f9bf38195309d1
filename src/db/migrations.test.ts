import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import './createDatabase'; // registers the migration plugin exactly as the app does
import { keepingUnknownFields } from './migrations';

// A learner collection as it might have looked before "class" was renamed to "className".
const v0: RxJsonSchema<{ id: string; class: string; legacyNote?: string }> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, class: { type: 'string' }, legacyNote: { type: 'string' } },
  required: ['id', 'class'],
};
const v1: RxJsonSchema<{ id: string; className: string }> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, className: { type: 'string' } },
  required: ['id', 'className'],
};

describe('schema migration pattern', () => {
  it('migrates stored documents to the new version and keeps fields it does not know', async () => {
    const storage = getRxStorageMemory();
    const name = `migration${Date.now()}`;
    const before = await createRxDatabase<{
      learners: RxCollection<{ id: string; class: string; legacyNote?: string }>;
    }>({ name, storage, multiInstance: false });
    await before.addCollections({ learners: { schema: v0 } });
    await before.learners.insert({ id: 'l1', class: '7.b', legacyNote: 'from an older client' });
    await before.close();

    const after = await createRxDatabase<{ learners: RxCollection<{ id: string; className: string }> }>({
      name,
      storage,
      multiInstance: false,
    });
    await after.addCollections({
      learners: {
        schema: v1,
        migrationStrategies: { 1: keepingUnknownFields((old) => ({ className: old.class }), ['class']) },
      },
    });
    const migrated = (await after.learners.findOne('l1').exec())?.toJSON() as Record<string, unknown>;
    await after.close();

    expect(migrated).toMatchObject({ id: 'l1', className: '7.b', legacyNote: 'from an older client' });
    expect(migrated).not.toHaveProperty('class');
  });

  it.each([
    [
      { id: 'a', class: '5.a' },
      { id: 'a', className: '5.a' },
    ],
    [
      { id: 'b', class: '9.c', extra: 1 },
      { id: 'b', className: '9.c', extra: 1 },
    ],
  ])('step %j → %j', (input, output) => {
    expect(keepingUnknownFields((old) => ({ className: old.class }), ['class'])(input)).toEqual(output);
  });
});
