import { schemaFingerprint } from '../../test/fixtures/schemaFingerprint';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateSchema, entityBase, idSchema, textSchema } from '../domain';
import { createDatabase } from './createDatabase';
import { schemaFingerprints } from './schemas/schemaFingerprints';
import { toRxSchema } from './schemas/toRxSchema';

// The staff event as devices hold it at version 1, written out again here (not derived from today's schema).
const version1 = z.object({
  ...entityBase,
  municipalityId: idSchema,
  schoolId: idSchema.optional(),
  kind: z.enum(['seminar', 'supervision', 'workshop', 'conference', 'material']),
  title: textSchema().trim().min(1).max(200),
  provider: textSchema().trim().max(200),
  date: dateSchema,
  endDate: dateSchema,
  hours: z.number().min(0.5).max(500).multipleOf(0.5),
  participantIds: z.array(idSchema).max(300),
  otherParticipants: z.number().int().min(0).max(10000),
});
const v1Schema = toRxSchema(version1, { version: 1, indexes: [['municipalityId', 'date']] }) as RxJsonSchema<
  Record<string, unknown>
>;

const stamp = { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z' };
const events = [
  {
    id: 'w',
    ...stamp,
    municipalityId: 'cesis',
    schoolId: 'tehnikums',
    kind: 'workshop',
    title: 'Darbnīca',
    provider: 'VISC',
    date: '2026-10-06',
    endDate: '2026-10-07',
    hours: 12,
    participantIds: ['u1', 'u2'],
    otherParticipants: 17,
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

describe('staff records version 2 (indirect work beside the events)', () => {
  it('writes version 1 out as devices hold it (its recorded fingerprint)', () => {
    const fingerprint = schemaFingerprint(v1Schema);
    expect(fingerprint).toBe(schemaFingerprints.staffevents[1]);
  });

  it('opens a device’s version-1 events unchanged, and then holds indirect work too', async () => {
    const storage = getRxStorageMemory();
    const name = `staffeventsv1${Date.now()}`;
    const before = await createRxDatabase<{ staffevents: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ staffevents: { schema: v1Schema } });
    await before.staffevents.bulkInsert(events);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['staffevents'] });
    try {
      const docs = await after.staffevents.find({ sort: [{ id: 'desc' }] }).exec();
      expect(docs.map((d) => d.toJSON())).toEqual(events);
      const indirect = {
        id: 'i',
        ...stamp,
        kind: 'indirect' as const,
        municipalityId: 'cesis',
        schoolId: 'tehnikums',
        staffId: 'accountant',
        month: '2026-10',
        minutes: 600,
        what: 'Kompensāciju izmaksa',
      };
      await after.staffevents.insert(indirect);
      const all = await after.staffevents.find({ selector: { municipalityId: 'cesis' }, sort: [{ id: 'asc' }] }).exec();
      expect(all.map((d) => d.id)).toEqual(['i', 's', 'w']);
      expect((await after.staffevents.findOne('i').exec())?.toJSON()).toEqual(indirect);
    } finally {
      await after.close();
    }
  });
});
