import { beforeEach, describe, expect, it } from 'vitest';
import { createDataKey, decryptValue, encryptValue, wrapDataKey, WrongSecretError } from '../../db';
import { listDeviceAccounts, saveDeviceAccount, type DeviceAccount } from './deviceAccounts';
import {
  InvalidPinError,
  MAX_PIN_ATTEMPTS,
  PinLockedOutError,
  removePin,
  setPin,
  unwrapWithPin,
  WrongPinError,
} from './pin';

/** localStorage as a browser has it, for Node. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const PASSWORD = 'Ezerkalni-2026';
const FAST = { iterations: 1_000 };
let storage: MemoryStorage;
let dataKey: CryptoKey;

beforeEach(async () => {
  storage = new MemoryStorage();
  dataKey = await createDataKey();
  const account: DeviceAccount = {
    userId: 'u1',
    username: 'anna',
    displayName: 'Anna Ozola',
    roles: ['teacher'],
    databaseName: 'atbalsts-u1',
    passwordKey: await wrapDataKey(dataKey, PASSWORD, 1_000),
    sealedRefreshToken: 'sealed',
    lastSignInAt: '2026-11-25T08:00:00.000Z',
  };
  saveDeviceAccount(account, storage);
});

const stored = () => listDeviceAccounts(storage)[0]!;

describe('unlocking with a PIN', () => {
  it('opens the same data as the password', async () => {
    const sealed = await encryptValue('sesijas piezīmes', dataKey, 'notes:n1:body');
    await setPin('u1', PASSWORD, '246810', { storage, ...FAST });
    const { key } = await unwrapWithPin('u1', '246810', storage);
    expect(await decryptValue(sealed, key, 'notes:n1:body')).toBe('sesijas piezīmes');
    expect(key.extractable).toBe(false);
  });

  it.each([
    ['too short', '12345'],
    ['letters', '12ab56'],
    ['too long', '1234567890123'],
    ['empty', ''],
  ])('refuses a PIN that is %s', async (_case, pin) => {
    await expect(setPin('u1', PASSWORD, pin, { storage, ...FAST })).rejects.toBeInstanceOf(InvalidPinError);
    expect(stored().pinKey).toBeUndefined();
  });

  it('needs the right password to set a PIN', async () => {
    await expect(setPin('u1', 'not the password', '246810', { storage, ...FAST })).rejects.toBeInstanceOf(
      WrongSecretError,
    );
    expect(stored().pinKey).toBeUndefined();
  });

  it('counts wrong PINs, resets on a right one, and forgets the PIN after the last allowed try', async () => {
    await setPin('u1', PASSWORD, '246810', { storage, ...FAST });
    await expect(unwrapWithPin('u1', '000000', storage)).rejects.toMatchObject({
      attemptsLeft: MAX_PIN_ATTEMPTS - 1,
    });
    await unwrapWithPin('u1', '246810', storage);
    expect(stored().pinFailures).toBe(0);

    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) {
      await expect(unwrapWithPin('u1', '111111', storage)).rejects.toBeInstanceOf(WrongPinError);
    }
    await expect(unwrapWithPin('u1', '111111', storage)).rejects.toBeInstanceOf(PinLockedOutError);
    expect(stored().pinKey).toBeUndefined();
    // Even the right PIN no longer works: the password is needed.
    await expect(unwrapWithPin('u1', '246810', storage)).rejects.toBeInstanceOf(PinLockedOutError);
  });

  it('can be removed, leaving the password as the only way in', async () => {
    await setPin('u1', PASSWORD, '246810', { storage, ...FAST });
    removePin('u1', storage);
    expect(stored().pinKey).toBeUndefined();
    await expect(unwrapWithPin('u1', '246810', storage)).rejects.toBeInstanceOf(PinLockedOutError);
  });
});
