import type { CollectionName } from '../../domain';

/**
 * The fingerprint of each collection's schema at each version. A schema that changes without a version bump would
 * make RxDB refuse to open an existing database on users' devices; schemaVersions.test.ts catches it first.
 * Until the first release no device holds data, so version 0 may still be re-recorded in place.
 */
export const schemaFingerprints: Record<CollectionName, Record<number, string>> = {
  municipalities: { 0: '8e4d199377319fff' },
  schools: { 0: '1d1e1eae9744c87e' },
  users: { 0: 'c8d58c107212acc3', 1: '4c906c4a0845f3a1', 2: '8d3af66ee221b2dc' },
  learners: { 0: 'c6f601a39c26c041', 1: '622a2be8a04b3cf3', 2: 'a6d784c1d65782a2' },
  plans: { 0: 'da1de9efa25eeaaa', 1: '611861d6995f6584', 2: 'ba488881b854ced4', 3: 'e057013fee67c358' },
  consultations: { 0: '9081bc41d94e4e0f' },
  compensations: { 0: 'b04dd812e06d0f94' },
  notes: { 0: '5bd41f42a82ff7c8' },
  youthprojects: { 0: '8eff22a616e4a289', 1: '98cc93aa4c4dd968' },
  staffevents: { 0: '5221aa14b56f90bb', 1: 'ab93573598a5764e', 2: 'b9b9dd09ac4e8814' },
  schedules: { 0: 'e9301788004bc42a' },
  profiles: { 0: 'abe00a2df98a534d' },
};
