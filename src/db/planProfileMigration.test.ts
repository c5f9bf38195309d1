import { schemaFingerprint } from '../../test/fixtures/schemaFingerprint';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './createDatabase';
import { encryptedStorage } from './crypto/encryptedStorage';
import { createDataKey } from './crypto/keyring';
import { SENSITIVE_FIELDS } from './crypto/sensitiveFields';
import { planToVersion2 } from './migrations';
import { collectionDefinitions } from './schemas/collections';
import { schemaFingerprints } from './schemas/schemaFingerprints';

// The plans schema as devices hold it at version 1: today's without `profileId` (the fingerprint proves it)…
const current = collectionDefinitions.plans.schema as unknown as RxJsonSchema<Record<string, unknown>> & {
  properties: Record<string, unknown>;
};
const { profileId: _profileId, ...properties } = current.properties;
// …and without version 3's reasons for no improvement in the evaluation.
const evaluation = properties.evaluation as { properties: Record<string, unknown> };
const { reasons: _reasons, ...evaluationV1 } = evaluation.properties;
const v1 = {
  ...current,
  version: 1,
  properties: { ...properties, evaluation: { ...evaluation, properties: evaluationV1 } },
} as RxJsonSchema<Record<string, unknown>>;

const stamp = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };
const plan = (id: string) => ({
  id,
  ...stamp,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2025/2026',
  semester: 1,
  preparerIds: ['marta'],
  status: 'approved',
  risks: [{ id: 'r1', code: 'other.pregnancy', note: 'Konfidenciāli' }],
  measures: [],
  history: [],
});

describe('plans version 2 (the profile a plan was made under)', () => {
  it('writes version 1 out as devices hold it (its recorded fingerprint)', () => {
    expect(schemaFingerprint(v1)).toBe(schemaFingerprints.plans[1]);
  });

  it.each([
    ['a plan of version 1: PuMPuRS 2017', plan('a'), 'pumpurs_2017'],
    ['one a newer device already gave a profile keeps it', { ...plan('b'), profileId: 'skola' }, 'skola'],
    ['an empty id is no profile: PuMPuRS 2017', { ...plan('c'), profileId: '' }, 'pumpurs_2017'],
  ])('step: %s', (_, input, profileId) => {
    expect(planToVersion2(input)).toEqual({ ...input, profileId });
  });

  it('opens a device’s encrypted version-1 plans as version 2, made under PuMPuRS 2017, values intact', async () => {
    const key = await createDataKey();
    const storage = encryptedStorage(getRxStorageMemory(), SENSITIVE_FIELDS, () => key);
    const name = `plansv1${Date.now()}`;
    const before = await createRxDatabase<{ plans: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ plans: { schema: v1 } });
    await before.plans.bulkInsert([plan('p1'), plan('p2')]);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['plans'] });
    try {
      const docs = (await after.plans.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON());
      expect(docs).toEqual([
        { ...plan('p1'), profileId: 'pumpurs_2017' },
        { ...plan('p2'), profileId: 'pumpurs_2017' },
      ]);
    } finally {
      await after.close();
    }
  });
});
