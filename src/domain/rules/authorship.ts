import { jsonEquals } from '../merge/mergeDocuments';

/**
 * A record names who saved it (`updatedBy`), and the screens say so ("Marta Liepa's change of the class…"). So a
 * push may only sign a change with the pusher's own id: a version that differs from the stored one and names
 * someone else is refused. A version identical to the stored one changes nothing and may carry whatever it carries
 * (a device re-sending the server's state); one with no name is accepted (written before names were kept) and is
 * shown as "another device".
 */
export function authorshipProblem(
  actorId: string,
  stored: Record<string, unknown> | null,
  pushed: Record<string, unknown>,
): 'updatedByNotOwn' | null {
  const signer = pushed.updatedBy;
  if (signer === undefined || signer === actorId) return null;
  if (stored !== null && jsonEquals(stored, pushed)) return null;
  return 'updatedByNotOwn';
}
