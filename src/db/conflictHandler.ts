import type { RxConflictHandler } from 'rxdb';
import { jsonEquals, MAX_SYNC_CONFLICTS, mergeDocuments, type SyncConflict } from '../domain';
import { newId, nowIso } from './ids';
import { SentStates } from './sentStates';

const JSON_LIMIT = 4000;
const signerOf = (doc: Record<string, unknown>) => (typeof doc.updatedBy === 'string' ? doc.updatedBy : undefined);
const asText = (value: unknown) => (JSON.stringify(value) ?? 'null').slice(0, JSON_LIMIT);

/**
 * When the server answers a push with a newer state, RxDB asks this handler for the document to keep. It merges
 * field by field against the state the local edit started from (domain/merge) and records every value that lost
 * on the document itself, so the person sees "changed on two devices: kept X, other value Y".
 */
export const mergingConflictHandler = (
  sent: SentStates = new SentStates(),
): RxConflictHandler<Record<string, unknown>> => ({
  isEqual: (a, b) => jsonEquals(a, b),
  async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
    // The server's state may be this device's own write whose answer was lost (sentStates.ts): merge from there.
    const base = sent.has(realMasterState) ? realMasterState : (assumedMasterState ?? null);
    const { merged, conflicts } = mergeDocuments(base, newDocumentState, realMasterState);
    if (conflicts.length === 0) return merged;
    const at = nowIso();
    // The kept value is the server's (its signer saved it); the lost one is this device's edit.
    const keptBy = signerOf(realMasterState);
    const lostBy = signerOf(newDocumentState);
    const recorded: SyncConflict[] = conflicts.map((c) => ({
      id: newId(),
      at,
      path: c.path.slice(0, 300),
      kept: asText(c.kept),
      lost: asText(c.lost),
      ...(keptBy ? { keptBy } : {}),
      ...(lostBy ? { lostBy } : {}),
    }));
    const earlier = Array.isArray(merged.syncConflicts) ? (merged.syncConflicts as SyncConflict[]) : [];
    // The notes are this device's writing, so the version carrying them is signed by its person.
    const { updatedBy: _signer, ...rest } = merged;
    return {
      ...rest,
      ...(lostBy ? { updatedBy: lostBy } : {}),
      syncConflicts: [...earlier, ...recorded].slice(-MAX_SYNC_CONFLICTS),
    };
  },
});
