import { schemaFingerprint } from '../../test/fixtures/schemaFingerprint';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { centsSchema, entityBase, idSchema, monthSchema, textSchema } from '../domain';
import { createDatabase } from './createDatabase';
import { youthProjectToVersion1 } from './migrations';
import { schemaFingerprints } from './schemas/schemaFingerprints';
import { toRxSchema } from './schemas/toRxSchema';

// The youth project as devices hold it at version 0, written out again here (not derived from today's schema).
const version0 = z.object({
  ...entityBase,
  municipalityId: idSchema,
  title: textSchema().trim().min(1).max(200),
  organisation: textSchema().trim().min(1).max(200),
  status: z.enum(['applied', 'approved', 'rejected', 'running', 'finished']),
  grantCents: centsSchema,
  startMonth: monthSchema,
  endMonth: monthSchema,
  participants: z.number().int().min(0).max(10000).default(0),
});
const v0Schema = toRxSchema(version0, { version: 0, indexes: ['municipalityId'] }) as RxJsonSchema<
  Record<string, unknown>
>;

const stamp = { createdAt: '2020-05-20T08:00:00.000Z', updatedAt: '2020-05-20T08:00:00.000Z' };
const old = [
  // June to December: 7 months counted by hand (6, 7, 8, 9, 10, 11, 12).
  {
    id: 'a',
    ...stamp,
    municipalityId: 'liepaja',
    title: 'Jauniešu darbnīcas',
    organisation: 'Attīstības platforma YOU+',
    status: 'finished',
    grantCents: 460000,
    startMonth: '2020-06',
    endMonth: '2020-12',
    participants: 25,
  },
  // November 2020 to February 2021 across the year: 4 months (11, 12, 1, 2); not approved, so no grant kept.
  {
    id: 'b',
    ...stamp,
    municipalityId: 'liepaja',
    title: 'Sports',
    organisation: 'Workout Generation',
    status: 'applied',
    grantCents: 460000,
    startMonth: '2020-11',
    endMonth: '2021-02',
    participants: 0,
  },
];
const application = {
  withInitiativeGroup: false,
  contact: '',
  partners: [],
  activities: '',
  atRiskParticipants: 0,
  documentsReceived: [],
  scores: [],
  decisionReason: '',
  progress: [],
};
const expected = [
  {
    id: 'a',
    ...stamp,
    municipalityId: 'liepaja',
    kind: 'application',
    commissionIds: [],
    application: {
      ...application,
      title: 'Jauniešu darbnīcas',
      organisation: 'Attīstības platforma YOU+',
      startMonth: '2020-06',
      months: 7,
      status: 'finished',
      grantCents: 460000,
      report: { activities: '', participants: 25, atRiskParticipants: 0 },
    },
  },
  {
    id: 'b',
    ...stamp,
    municipalityId: 'liepaja',
    kind: 'application',
    commissionIds: [],
    application: {
      ...application,
      title: 'Sports',
      organisation: 'Workout Generation',
      startMonth: '2020-11',
      months: 4,
      status: 'applied',
    },
  },
];

describe('youth projects version 1', () => {
  it('writes version 0 out as devices hold it (its recorded fingerprint)', () => {
    const fingerprint = schemaFingerprint(v0Schema);
    expect(fingerprint).toBe(schemaFingerprints.youthprojects[0]);
  });

  it.each(old.map((o, i) => [o.id, o, expected[i]]))('step: %s', (_id, input, output) => {
    expect(youthProjectToVersion1(input as Record<string, unknown>)).toEqual(output);
  });

  it('opens a device’s version-0 projects as applications of no competition', async () => {
    const storage = getRxStorageMemory();
    const name = `youthprojectsv0${Date.now()}`;
    const before = await createRxDatabase<{ youthprojects: RxCollection<Record<string, unknown>> }>({
      name,
      storage,
      multiInstance: false,
    });
    await before.addCollections({ youthprojects: { schema: v0Schema } });
    await before.youthprojects.bulkInsert(old);
    await before.close();

    const after = await createDatabase({ name, storage, multiInstance: false, collections: ['youthprojects'] });
    try {
      const docs = await after.youthprojects.find({ sort: [{ id: 'asc' }] }).exec();
      expect(docs.map((d) => d.toJSON())).toEqual(expected);
    } finally {
      await after.close();
    }
  });
});
