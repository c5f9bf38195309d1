import type { AtbalstsDatabase } from '../db';
import type { ReplicationHandle, ReplicationOptions } from './replication';

export type { ReplicationHandle, ReplicationOptions } from './replication';

/** Loaded on demand with RxDB's replication plugin, after the shell has painted. */
export const startReplication = (db: AtbalstsDatabase, options?: ReplicationOptions): Promise<ReplicationHandle> =>
  import('./replication').then((m) => m.startReplication(db, options));
export { useSyncStatus, type SyncStatus } from './syncStatus';
export {
  lock,
  setUpFirstAdministrator,
  signIn,
  signOut,
  unlock,
  useSession,
  type SessionState,
  type SignOutResult,
} from './auth/session';
export { listDeviceAccounts, type DeviceAccount } from './auth/deviceAccounts';
export { AuthError, OfflineError, authApi } from './auth/api';
export { useRejection } from './rejections';
