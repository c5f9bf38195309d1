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

/**
 * What a sealed state is: the server's (the refused change started from it, or it arrived after), or the person's
 * own refused change, kept so they can still fix or take it up after the server's newer versions replace it.
 */
export type SealedKind = 'server' | 'refused';
const placeOf = (owner: string, collection: CollectionName, id: string, kind: SealedKind) =>
  `${kind === 'server' ? 'refusal' : 'refused'}/${owner}/${collection}/${id}`;

export async function sealServerState(
  owner: string,
  collection: CollectionName,
  id: string,
  state: unknown,
  kind: SealedKind = 'server',
): Promise<string | undefined> {
  if (!current || current.owner !== owner) return undefined;
  return encryptValue(state, current.key, placeOf(owner, collection, id, kind));
}

export async function openServerState(
  owner: string,
  collection: CollectionName,
  id: string,
  sealed: string,
  kind: SealedKind = 'server',
): Promise<Record<string, unknown> | null> {
  if (!current || current.owner !== owner) return null;
  const value = await decryptValue(sealed, current.key, placeOf(owner, collection, id, kind)).catch(() => null);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}
