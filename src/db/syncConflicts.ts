import type { RxCollection } from 'rxdb';
import { entitySchemas, withValueAt, type CollectionName, type SyncConflict } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { nowIso } from './ids';
import { plainJson } from './json';

export class ConflictValueGoneError extends Error {
  constructor() {
    super('The value can no longer be written back: its place in the record is gone');
  }
}

const parseLost = (text: string): unknown => {
  try {
    return text === 'null' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
};

/**
 * What a person decided about a value sync replaced: `keep` what the record holds (the note goes), or `take` the other
 * value (written back at its path, checked by the entity's schema, and the note goes). Either way it is an ordinary
 * edit that syncs like any other.
 */
export async function resolveSyncConflict(
  db: AtbalstsDatabase,
  collection: CollectionName,
  id: string,
  conflictId: string,
  choice: 'keep' | 'take',
): Promise<void> {
  const c = db.collections[collection] as unknown as RxCollection<Record<string, unknown>>;
  const doc = await c.findOne(id).exec();
  if (!doc) return;
  await doc.incrementalModify((current) => {
    const conflicts = (current.syncConflicts as SyncConflict[] | undefined) ?? [];
    const entry = conflicts.find((x) => x.id === conflictId);
    if (!entry) return current;
    const base = choice === 'take' ? withValueAt(current, entry.path, parseLost(entry.lost)) : current;
    if (!base) throw new ConflictValueGoneError();
    const rest = conflicts.filter((x) => x.id !== conflictId);
    const { syncConflicts: _dropped, ...withoutNotes } = base;
    const next = { ...withoutNotes, ...(rest.length ? { syncConflicts: rest } : {}), updatedAt: nowIso() };
    return plainJson(entitySchemas[collection].parse(next)) as Record<string, unknown>;
  });
}
