import { create } from 'zustand';
import { STORAGE_KEYS } from '../../db';

/**
 * Whether the browser keeps this origin's storage (IndexedDB holds unsent work) or may evict it under pressure, and
 * how much is used. Chromium grants persistence without a prompt to installed or engaged sites; Firefox asks the
 * person, so it is requested only after a person's action: the first sign-in on the device, or a click in Settings.
 */
export interface StorageState {
  supported: boolean;
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /** Persistence was asked for on this device (so `persisted === false` means the browser refused). */
  asked: boolean;
}

const askedBefore = () => {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEYS.storagePersistAsked) === '1';
  } catch {
    return false;
  }
};

export const useStorageState = create<StorageState>(() => ({
  supported: Boolean(globalThis.navigator?.storage?.persisted),
  persisted: null,
  usage: null,
  quota: null,
  asked: askedBefore(),
}));

const manager = (): StorageManager | undefined => globalThis.navigator?.storage;

export async function refreshStorageState(): Promise<void> {
  const storage = manager();
  if (!storage?.persisted) {
    useStorageState.setState({ supported: false, persisted: null });
    return;
  }
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    storage.estimate ? storage.estimate().catch((): StorageEstimate => ({})) : Promise.resolve<StorageEstimate>({}),
  ]);
  useStorageState.setState({
    supported: true,
    persisted,
    usage: estimate.usage ?? null,
    quota: estimate.quota ?? null,
    asked: askedBefore(),
  });
}

/** Asks the browser to keep this origin's data; resolves with what it answered. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = manager();
  if (!storage?.persist) return false;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEYS.storagePersistAsked, '1');
  } catch {
    // Without storage the question may come again; that is all.
  }
  const granted = await storage.persist().catch(() => false);
  await refreshStorageState();
  return granted;
}

/** After the first sign-in on this device: asks once, and never again on its own (no nagging). */
export async function requestPersistentStorageOnce(): Promise<void> {
  const storage = manager();
  if (!storage?.persisted || askedBefore()) return;
  if (await storage.persisted().catch(() => false)) return;
  await requestPersistentStorage();
}
