import { schemaFingerprint } from '../../../test/fixtures/schemaFingerprint';
import { describe, expect, it } from 'vitest';
import { collectionNames } from '../../domain';
import { collectionDefinitions } from './collections';
import { schemaFingerprints } from './schemaFingerprints';

const fingerprint = (schema: unknown) => schemaFingerprint(schema);

describe('local schema versions', () => {
  it.each(collectionNames)('%s: a changed schema comes with a new version and a migration', (name) => {
    const { schema, migrationStrategies } = collectionDefinitions[name];
    const known = schemaFingerprints[name];
    // If this fails you changed an entity or its indexes: bump `version` in collections.ts, add the migration
    // strategy for it, and record the new fingerprint (printed here) under the new version.
    expect({ version: schema.version, fingerprint: fingerprint(schema) }).toEqual({
      version: schema.version,
      fingerprint: known[schema.version],
    });
    for (let version = 1; version <= schema.version; version++) {
      expect(migrationStrategies[version], `migration to version ${version}`).toBeTypeOf('function');
    }
  });

  it('keeps every collection under the free tier limit of RxDB', () => {
    // NON_PREMIUM_COLLECTION_LIMIT in rxdb/plugins/utils: open collections per JavaScript realm.
    expect(collectionNames.length).toBeLessThanOrEqual(13);
  });
});
