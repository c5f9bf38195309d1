import { create } from 'zustand';
import type { CatchUpProgress } from './catchUp';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  lastSyncedAt: number | null;
  /** Changes made on this device that the server has not acknowledged yet. */
  pending: number;
  /** A plain-words reason code for the last failure, cleared by the next successful sync. */
  error: string | null;
  /** While the device receives a backlog (its first sync): how much has arrived of how much. */
  catchUp: CatchUpProgress | null;
}

/** What the UI may know of sync: a status, never the network itself. */
export const useSyncStatus = create<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  lastSyncedAt: null,
  pending: 0,
  error: null,
  catchUp: null,
}));
