import type { MigrationStrategies, RxConflictHandler, RxJsonSchema } from 'rxdb';
import { entitySchemas, type CollectionName, type EntityOf } from '../../domain';
import { mergingConflictHandler } from '../conflictHandler';
import { keepingUnknownFields, planToVersion2, staffEventToVersion1, youthProjectToVersion1 } from '../migrations';
import { toRxSchema } from './toRxSchema';

export interface CollectionDefinition<C extends CollectionName> {
  schema: RxJsonSchema<EntityOf<C>>;
  /** One strategy per version step (key n migrates a version n-1 document); see migrations.ts for the pattern. */
  migrationStrategies: MigrationStrategies;
  conflictHandler: RxConflictHandler<EntityOf<C>>;
}

/**
 * Indexes follow the screens' queries: by school and semester, by learner, by plan, by staff member and date.
 * Changing an entity's shape or these indexes changes the schema hash: bump `version` and add a migration
 * (schemaVersions.test.ts fails until you do).
 */
const collectionOptions: { [C in CollectionName]: { version: number; indexes: (string | string[])[] } } = {
  municipalities: { version: 0, indexes: [] },
  schools: { version: 0, indexes: ['municipalityId'] },
  // 1: a role more (the national coordinator): the roles' enum changed, nothing a stored entry holds.
  // 2: a role more again (the accountant).
  users: { version: 2, indexes: ['username'] },
  // 1: a learner's exit from school (`exit`) and the schools they came from (`transfers`), both optional.
  // 2: whether the learner lives in another municipality (`livesInOtherMunicipality`, optional: not stated before).
  learners: {
    version: 2,
    indexes: [
      ['schoolId', 'lastName', 'firstName'],
      ['schoolId', 'className'],
    ],
  },
  // 1: plans log their content edits (`edits`, optional: a plan saved before has none).
  // 2: the programme profile a plan was made under (`profileId`); plans of version 1 were made under PuMPuRS 2017.
  // 3: an evaluation's chosen reasons for no improvement (`reasons`, optional: plans evaluated before gave none).
  plans: { version: 3, indexes: [['schoolId', 'schoolYear', 'semester'], 'learnerId'] },
  consultations: { version: 0, indexes: [['schoolId', 'date'], ['staffId', 'date'], 'planId'] },
  compensations: { version: 0, indexes: [['schoolId', 'month'], 'learnerId', 'planId'] },
  notes: { version: 0, indexes: [['authorId', 'date'], 'learnerId'] },
  // 1: competitions and their applications (kind), scores, decision, grant, progress and final report.
  youthprojects: { version: 1, indexes: ['municipalityId'] },
  // 1: first and last day, provider, the staff who took part (directory ids) and a count of others.
  // 2: a second record kind, a month's indirect work (domain/indirectWork.ts, kind 'indirect'); an event stored before
  //    is valid as it is. The index is the municipality's only: indirect work has no day, and an index field must be
  //    one every kind requires (the screens read the few records of the year in memory anyway).
  staffevents: { version: 2, indexes: ['municipalityId'] },
  schedules: { version: 0, indexes: [['staffId', 'startsOn']] },
  /*
   * Programme profiles an administrator made (the built-in PuMPuRS 2017 one lives in code): a 12th collection, not a
   * kind of record inside an existing reference collection. Municipalities and schools are scoped by reach (each
   * person syncs only their own), whereas every person reads every profile, and only the administrator writes them:
   * mixing them would give one collection two read scopes and two write rules, and changing municipalities' or schools'
   * shape would migrate every device's reference data for a handful of records. One collection stays free (13).
   */
  profiles: { version: 0, indexes: [] },
};

/** Each collection's steps from one version to the next (migrations.ts: unknown fields survive). */
const migrationsOf: Partial<Record<CollectionName, MigrationStrategies>> = {
  // The edit log is optional: a plan from version 0 is valid as it is, with no edits logged before.
  plans: { 1: keepingUnknownFields(() => ({})), 2: planToVersion2, 3: keepingUnknownFields(() => ({})) },
  // A directory entry from an earlier version is valid as it is: the new role is one it cannot hold yet.
  users: { 1: keepingUnknownFields(() => ({})), 2: keepingUnknownFields(() => ({})) },
  // A learner from version 0 has neither left nor moved, one from version 1 has not said where they live: valid as is.
  learners: { 1: keepingUnknownFields(() => ({})), 2: keepingUnknownFields(() => ({})) },
  staffevents: { 1: staffEventToVersion1, 2: keepingUnknownFields(() => ({})) },
  youthprojects: { 1: youthProjectToVersion1 },
};

function define<C extends CollectionName>(name: C): CollectionDefinition<C> {
  const options = collectionOptions[name];
  return {
    schema: toRxSchema(entitySchemas[name] as never, options) as RxJsonSchema<EntityOf<C>>,
    migrationStrategies: migrationsOf[name] ?? {},
    // Without a memory of what was sent; createDatabase gives each open database its own (sentStates.ts).
    conflictHandler: mergingConflictHandler() as unknown as RxConflictHandler<EntityOf<C>>,
  };
}

export const collectionDefinitions: { [C in CollectionName]: CollectionDefinition<C> } = {
  municipalities: define('municipalities'),
  schools: define('schools'),
  users: define('users'),
  learners: define('learners'),
  plans: define('plans'),
  consultations: define('consultations'),
  compensations: define('compensations'),
  notes: define('notes'),
  youthprojects: define('youthprojects'),
  staffevents: define('staffevents'),
  schedules: define('schedules'),
  profiles: define('profiles'),
};
