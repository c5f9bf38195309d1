import { base64 } from './fieldCipher';

/**
 * The device's data key: random (256 bit), used for every sensitive field of one user's local database, kept in
 * memory while unlocked and stored only wrapped by a key derived from the user's secret (password or PIN).
 * A wrong secret fails the AES-GCM unwrap — that failure is the local password check, no hash of it is stored.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface WrappedKey {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
}

const encoder = new TextEncoder();

export async function createDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

async function deriveWrappingKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export async function wrapDataKey(
  dataKey: CryptoKey,
  secret: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappingKey = await deriveWrappingKey(secret, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, { name: 'AES-GCM', iv });
  return {
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: base64.encode(salt),
    iv: base64.encode(iv),
    wrapped: base64.encode(new Uint8Array(wrapped)),
  };
}

export class WrongSecretError extends Error {
  constructor() {
    super('The password or PIN does not unlock this device’s data');
  }
}

/**
 * Unwraps the data key. It comes back non-extractable, so page scripts can use it but never read it out — except
 * when `extractable` is asked for to wrap it once more under another secret (setting a PIN), and then dropped.
 */
export async function unwrapDataKey(stored: WrappedKey, secret: string, extractable = false): Promise<CryptoKey> {
  const wrappingKey = await deriveWrappingKey(secret, base64.decode(stored.salt), stored.iterations);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      base64.decode(stored.wrapped),
      wrappingKey,
      { name: 'AES-GCM', iv: base64.decode(stored.iv) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new WrongSecretError();
  }
}
