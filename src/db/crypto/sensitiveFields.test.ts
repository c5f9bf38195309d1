import { describe, expect, it } from 'vitest';
import { collectionNames } from '../../domain';
import { collectionDefinitions } from '../schemas/collections';
import { SENSITIVE_FIELDS } from './sensitiveFields';

describe('fields encrypted at rest', () => {
  it.each(collectionNames)('%s: conflict records are encrypted', (name) => {
    expect(SENSITIVE_FIELDS[name]).toContain('syncConflicts');
  });

  it.each(collectionNames)('%s: no encrypted field is indexed (ciphertext cannot be queried)', (name) => {
    const indexed = (collectionDefinitions[name].schema.indexes ?? []).flat().map((field) => field.split('.')[0]);
    const properties = Object.keys(collectionDefinitions[name].schema.properties);
    for (const field of SENSITIVE_FIELDS[name] ?? []) {
      expect(properties, `${name}.${field} exists`).toContain(field);
      expect(indexed, `${name}.${field}`).not.toContain(field);
    }
  });
});
