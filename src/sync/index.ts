import type { AtbalstsDatabase } from '../db';
import type { ReplicationHandle, ReplicationOptions } from './replication';

export type { ReplicationHandle, ReplicationOptions } from './replication';

/** Loaded on demand with RxDB's replication plugin, after the shell has painted. */
export const startReplication = (db: AtbalstsDatabase, options?: ReplicationOptions): Promise<ReplicationHandle> =>
  import('./replication').then((m) => m.startReplication(db, options));
export { useSyncStatus, type SyncStatus } from './syncStatus';
export type { CatchUpProgress } from './catchUp';
export {
  lock,
  setUpFirstAdministrator,
  signIn,
  signOut,
  checkSignOut,
  type SignOutCheck,
  unlock,
  unlockWithPin,
  setPin,
  removePin,
  setIdleLockMinutes,
  useSession,
  type SessionState,
  type SignOutResult,
  UnsentChangesError,
} from './auth/session';
export { listDeviceAccounts, idleLockMinutesOf, IDLE_LOCK_CHOICES, type DeviceAccount } from './auth/deviceAccounts';
export { InvalidPinError, PinLockedOutError, WrongPinError, PIN_PATTERN, MAX_PIN_ATTEMPTS } from './auth/pin';
export { AuthError, OfflineError, authApi } from './auth/api';
export { useDemoServer, refreshDemoServer } from './auth/demoServer';
export { usersApi, type UsersApi } from './auth/usersApi';
export { learnersApi, type LearnersApi } from './learnersApi';
export type { LearnerTransferRequest } from './protocol/learners';
export {
  createUserRequestSchema,
  updateUserRequestSchema,
  resetPasswordRequestSchema,
  type CreateUserInput,
  type UpdateUserRequest,
} from './protocol/auth';
export { passwordRefusals } from './protocol/authPaths';
export { useSignInNotice, dismissSignInNotice, type SignInNotice } from './auth/signInNotice';
export { countRemembered, rememberedPending } from './pending';
export { exportUnsentChanges, importBackup, BackupError, type BackupFailure, type ExportedBackup } from './backup';
// The store and openRejections are exported for screens' tests; in the app the replication opens a person's refusals.
export {
  useRejection,
  useRejections,
  openRejections,
  useRefusals,
  useRefusedIds,
  useRefusedCount,
  type Refusal,
} from './rejections';
export { discardRefusedChange, takeUpRefusedChange, CannotRestoreError, CannotTakeUpError } from './discard';
export { syncStateOf, type SyncState, type SyncFacts } from './syncStatus';
export { useLostHere, useSyncDecisions } from './decisions';
export { fetchNationalReport, keptNationalReport } from './reports/nationalReport';
export type { NationalReportResponse } from './protocol/reports';
