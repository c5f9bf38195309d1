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

describe('plans version 1 (the edit log)', () => {
  it('opens a device’s encrypted version-0 plans as version 1, values intact, and logs edits from then on', async () => {
    const { createDatabase } = await import('./createDatabase');
    const { collectionDefinitions } = await import('./schemas/collections');
    const { encryptedStorage } = await import('./crypto/encryptedStorage');
    const { createDataKey } = await import('./crypto/keyring');
    const { SENSITIVE_FIELDS } = await import('./crypto/sensitiveFields');
    const { updatePlan } = await import('./plans');
    const key = await createDataKey();
    const storage = encryptedStorage(getRxStorageMemory(), SENSITIVE_FIELDS, () => key);
    const name = `plansv0${Date.now()}`;
    // The plans schema as devices hold it at version 0: the same, without `edits`.
    const current = collectionDefinitions.plans.schema as unknown as RxJsonSchema<Record<string, unknown>> & {
      properties: Record<string, unknown>;
    };
    const { edits: _edits, ...properties } = current.properties;
    const v0 = { ...current, version: 0, properties } as RxJsonSchema<Record<string, unknown>>;
    const before = await createRxDatabase<{ plans: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ plans: { schema: v0 } });
    const plan = {
      id: 'p1',
      createdAt: '2026-09-01T08:00:00.000Z',
      updatedAt: '2026-09-01T08:00:00.000Z',
      learnerId: 'l1',
      schoolId: 's1',
      schoolYear: '2026/2027',
      semester: 1,
      preparerIds: ['marta'],
      status: 'draft',
      risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: 'Konfidenciāli' }],
      measures: [],
      history: [],
    };
    await before.plans.insert(plan);
    await before.close();

    const after = await createDatabase({
      name,
      storage,
      multiInstance: false,
      collections: ['plans'],
      author: 'marta',
    });
    try {
      expect((await after.plans.findOne('p1').exec())?.toJSON()).toMatchObject({ ...plan, risks: plan.risks });
      await updatePlan(after, 'p1', (p) => ({ ...p, risks: [] }));
      expect((await after.plans.findOne('p1').exec())?.toJSON().edits?.map((e) => [e.byUserId, e.parts])).toEqual([
        ['marta', ['risks']],
      ]);
    } finally {
      await after.close();
    }
  });
});

describe('learners version 1 (exit and transfers)', () => {
  it('opens a device’s encrypted version-0 learners as version 1, guardians intact, and records an exit', async () => {
    const { createDatabase } = await import('./createDatabase');
    const { collectionDefinitions } = await import('./schemas/collections');
    const { encryptedStorage } = await import('./crypto/encryptedStorage');
    const { createDataKey } = await import('./crypto/keyring');
    const { SENSITIVE_FIELDS } = await import('./crypto/sensitiveFields');
    const { setExit } = await import('./learners');
    const key = await createDataKey();
    const storage = encryptedStorage(getRxStorageMemory(), SENSITIVE_FIELDS, () => key);
    const name = `learnersv0${Date.now()}`;
    // The learners schema as devices hold it at version 0: the same, without `exit` and `transfers`.
    const current = collectionDefinitions.learners.schema as unknown as RxJsonSchema<Record<string, unknown>> & {
      properties: Record<string, unknown>;
    };
    const { exit: _exit, transfers: _transfers, ...properties } = current.properties;
    const v0 = { ...current, version: 0, properties } as RxJsonSchema<Record<string, unknown>>;
    const before = await createRxDatabase<{ learners: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ learners: { schema: v0 } });
    const learner = {
      id: 'l1',
      createdAt: '2026-09-01T08:00:00.000Z',
      updatedAt: '2026-09-01T08:00:00.000Z',
      firstName: 'Alise',
      lastName: 'Eglīte',
      className: '8.a',
      programme: 'general',
      schoolId: 's1',
      guardians: [{ id: 'g1', name: 'Anna Eglīte', phone: '+371 20000000' }],
      archived: false,
    };
    await before.learners.insert(learner);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['learners'], author: 'x' });
    try {
      expect((await after.learners.findOne('l1').exec())?.toJSON()).toMatchObject(learner);
      await setExit(after, 'l1', { reason: 'moved_abroad', on: '2026-11-20' });
      expect((await after.learners.findOne('l1').exec())?.toJSON()).toMatchObject({
        archived: true,
        exit: { reason: 'moved_abroad', on: '2026-11-20' },
      });
      await setExit(after, 'l1', null);
      const undone = (await after.learners.findOne('l1').exec())?.toJSON();
      expect([undone?.archived, undone?.exit]).toEqual([false, undefined]);
    } finally {
      await after.close();
    }
  });
});

describe('learners version 2 (where they live)', () => {
  it('opens a device’s encrypted version-1 learners as version 2, unchanged, and records another municipality', async () => {
    const { createDatabase } = await import('./createDatabase');
    const { collectionDefinitions } = await import('./schemas/collections');
    const { encryptedStorage } = await import('./crypto/encryptedStorage');
    const { createDataKey } = await import('./crypto/keyring');
    const { SENSITIVE_FIELDS } = await import('./crypto/sensitiveFields');
    const { updateLearner } = await import('./learners');
    const key = await createDataKey();
    const storage = encryptedStorage(getRxStorageMemory(), SENSITIVE_FIELDS, () => key);
    const name = `learnersv1${Date.now()}`;
    // The learners schema as devices hold it at version 1: the same, without `livesInOtherMunicipality`.
    const current = collectionDefinitions.learners.schema as unknown as RxJsonSchema<Record<string, unknown>> & {
      properties: Record<string, unknown>;
    };
    const { livesInOtherMunicipality: _lives, ...properties } = current.properties;
    expect(_lives).toBeDefined();
    const v1 = { ...current, version: 1, properties } as RxJsonSchema<Record<string, unknown>>;
    const before = await createRxDatabase<{ learners: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ learners: { schema: v1, migrationStrategies: { 1: (d: unknown) => d } } });
    const learner = {
      id: 'l1',
      createdAt: '2026-09-01T08:00:00.000Z',
      updatedAt: '2026-09-01T08:00:00.000Z',
      firstName: 'Alise',
      lastName: 'Eglīte',
      className: '8.a',
      programme: 'general',
      birthDate: '2012-03-04',
      schoolId: 's1',
      guardians: [{ id: 'g1', name: 'Anna Eglīte', phone: '+371 20000000' }],
      archived: true,
      exit: { reason: 'moved_school', on: '2026-10-01' },
    };
    await before.learners.insert(learner);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['learners'], author: 'x' });
    try {
      const migrated = (await after.learners.findOne('l1').exec())?.toJSON();
      expect(migrated).toMatchObject(learner);
      expect(migrated?.livesInOtherMunicipality).toBeUndefined();
      const fields = {
        firstName: 'Alise',
        lastName: 'Eglīte',
        className: '8.a',
        programme: 'general',
        birthDate: '2012-03-04',
      } as const;
      await updateLearner(after, 'l1', { ...fields, livesInOtherMunicipality: true }, fields);
      expect((await after.learners.findOne('l1').exec())?.toJSON()).toMatchObject({
        livesInOtherMunicipality: true,
        guardians: learner.guardians,
      });
    } finally {
      await after.close();
    }
  });
});
