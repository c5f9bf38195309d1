import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, isCiphertext } from './fieldCipher';
import { createDataKey, unwrapDataKey, wrapDataKey, WrongSecretError } from './keyring';

// Fewer PBKDF2 rounds keep the test quick; the production count is asserted separately.
const FAST = 1_000;

describe('device keyring', () => {
  it('unwraps the data key with the right secret only', async () => {
    const dataKey = await createDataKey();
    const wrapped = await wrapDataKey(dataKey, 'Pareiza parole 1', FAST);
    const unlocked = await unwrapDataKey(wrapped, 'Pareiza parole 1');
    const sealed = await encryptValue('sesijas piezīmes', dataKey, 'notes:n1:body');
    expect(await decryptValue(sealed, unlocked, 'notes:n1:body')).toBe('sesijas piezīmes');
    await expect(unwrapDataKey(wrapped, 'nepareiza')).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('wraps with 600,000 PBKDF2 iterations by default and a fresh salt each time', async () => {
    const dataKey = await createDataKey();
    const [a, b] = [await wrapDataKey(dataKey, 'x'), await wrapDataKey(dataKey, 'x')];
    expect(a.iterations).toBe(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
  });

  it('unlocks non-extractable keys', async () => {
    const wrapped = await wrapDataKey(await createDataKey(), 'pin 1234', FAST);
    const key = await unwrapDataKey(wrapped, 'pin 1234');
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('field cipher', () => {
  it.each([['text'], [{ nested: ['a', 1] }], [''], [42]])('round-trips %j and hides it', async (value) => {
    const key = await createDataKey();
    const sealed = await encryptValue(value, key, 'plans:p1:measures');
    expect(isCiphertext(sealed)).toBe(true);
    expect(sealed).not.toContain(JSON.stringify(value).slice(1, -1) || '\u0000');
    expect(await decryptValue(sealed, key, 'plans:p1:measures')).toEqual(value);
  });

  it('refuses a ciphertext moved to another record or field, and a tampered one', async () => {
    const key = await createDataKey();
    const sealed = await encryptValue('secret', key, 'notes:n1:body');
    await expect(decryptValue(sealed, key, 'notes:n2:body')).rejects.toThrow();
    const [v, iv, body] = sealed.split('.');
    const flipped = `${v}.${iv}.${body?.startsWith('A') ? 'B' : 'A'}${body?.slice(1)}`;
    await expect(decryptValue(flipped, key, 'notes:n1:body')).rejects.toThrow();
  });

  it('uses a fresh IV for every encryption', async () => {
    const key = await createDataKey();
    expect(await encryptValue('same', key, 'p')).not.toBe(await encryptValue('same', key, 'p'));
  });
});
