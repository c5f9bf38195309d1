/**
 * Authenticated encryption of sensitive fields at rest (AES-GCM, WebCrypto). Each value is bound to its place
 * (collection, document id, field) as additional data, so a ciphertext copied into another record fails to decrypt.
 */
const VERSION = 'g1';

/** Native base64 (Chromium 140+, Firefox 133+, Safari 18.2+) where there is one: a report decrypts thousands of values. */
const native = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
  prototype: { toBase64?: () => string };
};

function toBase64(bytes: Uint8Array): string {
  if (typeof native.prototype.toBase64 === 'function') return (bytes as unknown as { toBase64(): string }).toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof native.fromBase64 === 'function') return native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const base64 = { encode: toBase64, decode: fromBase64 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isCiphertext(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${VERSION}.`);
}

export async function encryptValue(value: unknown, key: CryptoKey, place: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = encoder.encode(JSON.stringify(value));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(place) },
    key,
    plaintext,
  );
  return `${VERSION}.${toBase64(iv)}.${toBase64(new Uint8Array(ciphertext))}`;
}

export async function decryptValue(text: string, key: CryptoKey, place: string): Promise<unknown> {
  const [version, iv, body] = text.split('.');
  if (version !== VERSION || !iv || !body) throw new Error(`Not an encrypted value (${place})`);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(place) },
    key,
    fromBase64(body),
  );
  return JSON.parse(decoder.decode(plaintext)) as unknown;
}
