import { schemaFingerprint } from '../../test/fixtures/schemaFingerprint';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateSchema, entityBase, idSchema, textSchema } from '../domain';
import { createDatabase } from './createDatabase';
import { staffEventToVersion1 } from './migrations';
import { schemaFingerprints } from './schemas/schemaFingerprints';
import { toRxSchema } from './schemas/toRxSchema';

// The staff event as devices hold it at version 0, written out again here (not derived from today's schema).
const version0 = z.object({
  ...entityBase,
  municipalityId: idSchema,
  schoolId: idSchema.optional(),
  kind: z.enum(['seminar', 'supervision', 'workshop', 'conference']),
  title: textSchema().trim().min(1).max(200),
  date: dateSchema,
  hours: z.number().min(0).max(500),
  participants: z.number().int().min(0).max(10000),
});
const v0Schema = toRxSchema(version0, { version: 0, indexes: [['municipalityId', 'date']] }) as RxJsonSchema<
  Record<string, unknown>
>;

const stamp = { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z' };
const old = [
  {
    id: 'w',
    ...stamp,
    municipalityId: 'cesis',
    schoolId: 'tehnikums',
    kind: 'workshop',
    title: 'Darbnīca',
    date: '2026-10-06',
    hours: 12,
    participants: 19,
  },
  {
    id: 's',
    ...stamp,
    municipalityId: 'cesis',
    kind: 'supervision',
    title: 'Supervīzija',
    date: '2026-11-05',
    hours: 2,
    participants: 0,
  },
];
const expected = [
  {
    id: 'w',
    ...stamp,
    municipalityId: 'cesis',
    schoolId: 'tehnikums',
    kind: 'workshop',
    title: 'Darbnīca',
    provider: '',
    date: '2026-10-06',
    endDate: '2026-10-06',
    hours: 12,
    participantIds: [],
    otherParticipants: 19,
  },
  {
    id: 's',
    ...stamp,
    municipalityId: 'cesis',
    kind: 'supervision',
    title: 'Supervīzija',
    provider: '',
    date: '2026-11-05',
    endDate: '2026-11-05',
    hours: 2,
    participantIds: [],
    otherParticipants: 0,
  },
];

describe('staff events version 1', () => {
  it('writes version 0 out as devices hold it (its recorded fingerprint)', () => {
    const fingerprint = schemaFingerprint(v0Schema);
    expect(fingerprint).toBe(schemaFingerprints.staffevents[0]);
  });

  it.each(old.map((o, i) => [o.id, o, expected[i]]))('step: %s', (_id, input, output) => {
    expect(staffEventToVersion1(input as Record<string, unknown>)).toEqual(output);
  });

  it('opens a device’s version-0 events as version 1: the count becomes the others, one day both ends', async () => {
    const storage = getRxStorageMemory();
    const name = `staffeventsv0${Date.now()}`;
    const before = await createRxDatabase<{ staffevents: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ staffevents: { schema: v0Schema } });
    await before.staffevents.bulkInsert(old);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['staffevents'] });
    try {
      const docs = await after.staffevents.find({ sort: [{ id: 'desc' }] }).exec();
      expect(docs.map((d) => d.toJSON())).toEqual(expected);
    } finally {
      await after.close();
    }
  });
});
