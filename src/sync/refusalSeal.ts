import { decryptValue, encryptValue } from '../db';
import type { CollectionName } from '../domain';

/**
 * The server's state of a refused record is kept beside the refusal so that discarding the change can restore it.
 * It may hold sensitive values (notes, justifications), so it is sealed with the person's data key and bound to
 * its place: it is readable only while that person is unlocked, and only as that record.
 */
let current: { key: CryptoKey; owner: string } | null = null;

export function setSealKey(next: { key: CryptoKey; owner: string } | null): void {
  current = next;
}

const placeOf = (owner: string, collection: CollectionName, id: string) => `refusal/${owner}/${collection}/${id}`;

export async function sealServerState(
  owner: string,
  collection: CollectionName,
  id: string,
  state: unknown,
): Promise<string | undefined> {
  if (!current || current.owner !== owner) return undefined;
  return encryptValue(state, current.key, placeOf(owner, collection, id));
}

export async function openServerState(
  owner: string,
  collection: CollectionName,
  id: string,
  sealed: string,
): Promise<Record<string, unknown> | null> {
  if (!current || current.owner !== owner) return null;
  const value = await decryptValue(sealed, current.key, placeOf(owner, collection, id)).catch(() => null);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}
