import type { User } from '../../domain';
import { STORAGE_KEYS, userDatabaseName, type WrappedKey } from '../../db';

/**
 * The people who have signed in on this device (school tablets are shared). Each has their own local database,
 * whose data key is stored only wrapped by their password (and optionally a PIN). Nothing here is secret in itself.
 */
export interface DeviceAccount {
  userId: string;
  username: string;
  displayName: string;
  roles: User['roles'];
  databaseName: string;
  passwordKey: WrappedKey;
  pinKey?: WrappedKey;
  /** Wrong PINs in a row (see pin.ts). */
  pinFailures?: number;
  /** Locks after this many idle minutes; each person chooses on each device. */
  idleLockMinutes?: number;
  /** The refresh token, encrypted with the data key: only an unlocked device can sync. */
  sealedRefreshToken: string;
  lastSignInAt: string;
  /**
   * The server ended this session (signed out everywhere, e.g. after a password reset): the data stays and unlocks
   * offline, but the device does not sync until the person signs in again.
   */
  sessionEndedAt?: string;
}

const KEY = STORAGE_KEYS.deviceAccounts;

export function listDeviceAccounts(storage: Storage = localStorage): DeviceAccount[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as DeviceAccount[]) : [];
  } catch {
    return [];
  }
}

export function saveDeviceAccount(account: DeviceAccount, storage: Storage = localStorage): void {
  const others = listDeviceAccounts(storage).filter((a) => a.userId !== account.userId);
  storage.setItem(KEY, JSON.stringify([account, ...others]));
}

export function removeDeviceAccount(userId: string, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(listDeviceAccounts(storage).filter((a) => a.userId !== userId)));
}

export const databaseNameFor = userDatabaseName;

export const IDLE_LOCK_CHOICES = [2, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export function idleLockMinutesOf(account: DeviceAccount): number {
  const chosen = account.idleLockMinutes;
  return chosen !== undefined && (IDLE_LOCK_CHOICES as readonly number[]).includes(chosen)
    ? chosen
    : DEFAULT_IDLE_LOCK_MINUTES;
}
