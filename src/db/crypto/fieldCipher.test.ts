import { afterEach, describe, expect, it } from 'vitest';
import { base64, decryptValue, encryptValue } from './fieldCipher';

const key = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>;

type NativeBase64 = { fromBase64?: unknown; prototype: { toBase64?: unknown } };
const uint8 = Uint8Array as unknown as NativeBase64;

/** Browsers have native base64 on Uint8Array (Node 20 does not): stands in for it with Node's Buffer as the oracle. */
function withNativeBase64() {
  uint8.fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
  uint8.prototype.toBase64 = function (this: Uint8Array) {
    return Buffer.from(this).toString('base64');
  };
}

describe('field cipher base64', () => {
  afterEach(() => {
    delete uint8.fromBase64;
    delete uint8.prototype.toBase64;
  });

  it('encodes as standard padded base64, the same with or without the native methods', () => {
    const samples = [0, 1, 2, 3, 12, 31, 1000, 60_000].map((n) => crypto.getRandomValues(new Uint8Array(n)));
    const fallback = samples.map((bytes) => base64.encode(bytes));
    expect(fallback).toEqual(samples.map((bytes) => Buffer.from(bytes).toString('base64')));
    withNativeBase64();
    expect(samples.map((bytes) => base64.encode(bytes))).toEqual(fallback);
    expect(fallback.map((text) => [...base64.decode(text)])).toEqual(samples.map((bytes) => [...bytes]));
  });

  it('reads values sealed before native base64, and the other way round', async () => {
    const k = await key();
    const sealedBefore = await encryptValue({ notes: 'Daļskaitļi, 12. lpp.' }, k, 'consultations:c1:notes');
    withNativeBase64();
    expect(await decryptValue(sealedBefore, k, 'consultations:c1:notes')).toEqual({ notes: 'Daļskaitļi, 12. lpp.' });
    const sealedNow = await encryptValue(['Jānis', 'Ilze'], k, 'learners:l1:guardians');
    delete uint8.fromBase64;
    delete uint8.prototype.toBase64;
    expect(await decryptValue(sealedNow, k, 'learners:l1:guardians')).toEqual(['Jānis', 'Ilze']);
  });
});
