/** The only door through which the UI reads and writes local data. */
import type { AtbalstsDatabase } from './createDatabase';

export type { AtbalstsDatabase, AtbalstsCollections } from './createDatabase';

// RxDB and Dexie load in their own chunk, so the app shell (and the sign-in screen) paint before it arrives.
export const openUserDatabase = (name: string, key: CryptoKey, author: string): Promise<AtbalstsDatabase> =>
  import('./database').then((m) => m.openUserDatabase(name, key, author));
export const closeUserDatabase = (): Promise<void> => import('./database').then((m) => m.closeUserDatabase());
export const removeUserDatabase = (name: string): Promise<void> =>
  import('./database').then((m) => m.removeUserDatabase(name));
export { createDataKey, unwrapDataKey, wrapDataKey, WrongSecretError, type WrappedKey } from './crypto/keyring';
export { decryptValue, encryptValue } from './crypto/fieldCipher';
export { DatabaseProvider, useDatabase } from './DatabaseProvider';
export { useLiveQuery, type LiveResult } from './hooks/useLiveQuery';
export {
  useLearnersOfSchool,
  useLearner,
  useLearnersByIds,
  addLearner,
  updateLearner,
  saveGuardian,
  removeGuardian,
  setConsent,
  setExit,
} from './learners';
export { useMunicipalities, useSchools } from './schools';
export { useUser, useUsers } from './users';
export {
  addConsultation,
  confirmConsultation,
  setAttendance,
  useConsultationsOfStaff,
  useConsultationsOfSchool,
  type NewConsultation,
} from './consultations';
export {
  addSchedule,
  logScheduledSession,
  stopSchedule,
  updateSchedule,
  useSchedulesOfStaff,
  type NewSchedule,
} from './schedules';
export {
  addCompensation,
  setCompensationStatus,
  useCompensationsOfLearner,
  type NewCompensation,
} from './compensations';
export { addNote, setNoteShared, useNotesOfLearner, type NewNote } from './notes';
export { createPlan, updatePlan, usePlan, usePlansOfLearner, usePlansOfSemester, PlanExistsError } from './plans';
export { useLearnersInReach, usePlansOfSemesterInReach } from './reach';
export { STORAGE_KEYS, userDatabaseName } from './constants';
export { useConsultationsOfLearner } from './learnerHistory';
export { applyClassImport, type ImportResult } from './learnerImport';
export { canRestoreInto, readDocuments, restoreDocuments } from './backup';
export { useRecord } from './records';
export { resolveSyncConflict, ConflictValueGoneError } from './syncConflicts';
export { sentStatesOf } from './sentStates';
export { useReportHistory, useReportInput } from './reports';
export {
  addStaffEvent,
  removeStaffEvent,
  restoreStaffEvent,
  updateStaffEvent,
  useStaffEvents,
  type NewStaffEvent,
} from './staffEvents';
export {
  addIndirectWork,
  removeIndirectWork,
  restoreIndirectWork,
  updateIndirectWork,
  useIndirectWork,
  type NewIndirectWork,
} from './indirectWork';
export {
  profileUseOnDevice,
  saveProfile,
  usePlanProfile,
  useProfileOfPlans,
  useProfileOfSchoolYear,
  useStoredProfiles,
} from './profiles';
export { addYouthRecord, updateYouthRecord, useYouthProjects, type NewYouthRecord } from './youthProjects';
