import { unwrapDataKey, wrapDataKey, WrongSecretError, type WrappedKey } from '../../db';
import { listDeviceAccounts, saveDeviceAccount, type DeviceAccount } from './deviceAccounts';

/**
 * A PIN is a second wrapping of the same data key, for quick unlocking on a device the person already signed in on.
 * It is weaker than the password, so it is only offered after a password sign-in here, must be at least six digits,
 * and is forgotten after a few wrong tries (then the password is needed). The counter lives in this browser's
 * storage: it stops someone at the tablet, not an attacker holding a copy of the storage — that one still faces
 * PBKDF2 with 600,000 iterations per guess, and the password-wrapped key is unaffected.
 */
export const PIN_PATTERN = /^\d{6,12}$/;
export const MAX_PIN_ATTEMPTS = 5;

export class InvalidPinError extends Error {
  constructor() {
    super('A PIN is 6 to 12 digits');
  }
}

/** Too many wrong PINs: the PIN is gone and only the password unlocks. */
export class PinLockedOutError extends Error {
  constructor() {
    super('Too many wrong PINs');
  }
}

export class WrongPinError extends WrongSecretError {
  constructor(readonly attemptsLeft: number) {
    super();
  }
}

function findAccount(userId: string, storage: Storage): DeviceAccount {
  const account = listDeviceAccounts(storage).find((a) => a.userId === userId);
  if (!account) throw new Error(`No account ${userId} on this device`);
  return account;
}

/** Sets (or changes) the PIN. The password is asked because the key in use cannot be exported to wrap again. */
export async function setPin(
  userId: string,
  password: string,
  pin: string,
  { storage = localStorage, iterations }: { storage?: Storage; iterations?: number } = {},
): Promise<DeviceAccount> {
  if (!PIN_PATTERN.test(pin)) throw new InvalidPinError();
  const account = findAccount(userId, storage);
  const exportable = await unwrapDataKey(account.passwordKey, password, true);
  const pinKey: WrappedKey = await wrapDataKey(exportable, pin, iterations);
  const next: DeviceAccount = { ...account, pinKey, pinFailures: 0 };
  saveDeviceAccount(next, storage);
  return next;
}

export function removePin(userId: string, storage: Storage = localStorage): DeviceAccount {
  const { pinKey: _dropped, pinFailures: _failures, ...rest } = findAccount(userId, storage);
  saveDeviceAccount(rest, storage);
  return rest;
}

/** The data key for a PIN, counting wrong tries; the last allowed wrong try removes the PIN. */
export async function unwrapWithPin(
  userId: string,
  pin: string,
  storage: Storage = localStorage,
): Promise<{ account: DeviceAccount; key: CryptoKey }> {
  const account = findAccount(userId, storage);
  if (!account.pinKey) throw new PinLockedOutError();
  try {
    const key = await unwrapDataKey(account.pinKey, pin);
    const next = { ...account, pinFailures: 0 };
    saveDeviceAccount(next, storage);
    return { account: next, key };
  } catch (error) {
    if (!(error instanceof WrongSecretError)) throw error;
    const failures = (account.pinFailures ?? 0) + 1;
    if (failures >= MAX_PIN_ATTEMPTS) {
      removePin(userId, storage);
      throw new PinLockedOutError();
    }
    saveDeviceAccount({ ...account, pinFailures: failures }, storage);
    throw new WrongPinError(MAX_PIN_ATTEMPTS - failures);
  }
}
