import type { CollectionName } from '../../domain';

/**
 * The fingerprint of each collection's schema at each version. A schema that changes without a version bump would
 * make RxDB refuse to open an existing database on users' devices; schemaVersions.test.ts catches it first.
 * Until the first release no device holds data, so version 0 may still be re-recorded in place.
 */
export const schemaFingerprints: Record<CollectionName, Record<number, string>> = {
  municipalities: { 0: 'e5c897ec3ba3ac3d' },
  schools: { 0: '733397b2c55c507e' },
  users: { 0: '7bfd208809a3f806' },
  learners: { 0: '9ab5bde1fb551a30' },
  plans: { 0: 'e7b7386c458b9d61' },
  consultations: { 0: '79f6d76cc46c9283' },
  compensations: { 0: '99759a5785fca75b' },
  notes: { 0: 'f233a716b989d2bb' },
  youthprojects: { 0: 'b6a388e1ff4bb37e' },
  staffevents: { 0: '11e808ad369bcdab' },
  schedules: { 0: 'd936b0a15824357a' },
};
