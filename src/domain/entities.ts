/**
 * Every replicated entity by collection name: the one table both the local database and the server read.
 * Names are the collection names used by RxDB and the wire protocol.
 */
import type { z } from 'zod';
import { compensationSchema, confidentialNoteSchema, consultationSchema, youthProjectSchema } from './activity';
import { staffRecordSchema } from './indirectWork';
import { learnerSchema } from './learner';
import { municipalitySchema, schoolSchema, userSchema } from './organisation';
import { supportPlanSchema } from './plan';
import { storedProfileSchema } from './profile/storedProfile';
import { scheduleSchema } from './schedule';

export const entitySchemas = {
  municipalities: municipalitySchema,
  schools: schoolSchema,
  users: userSchema,
  learners: learnerSchema,
  plans: supportPlanSchema,
  consultations: consultationSchema,
  compensations: compensationSchema,
  notes: confidentialNoteSchema,
  youthprojects: youthProjectSchema,
  staffevents: staffRecordSchema,
  schedules: scheduleSchema,
  profiles: storedProfileSchema,
} as const;

export type CollectionName = keyof typeof entitySchemas;
export const collectionNames = Object.keys(entitySchemas) as CollectionName[];
export type EntityOf<C extends CollectionName> = z.infer<(typeof entitySchemas)[C]>;
