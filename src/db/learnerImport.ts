import { learnerSchema, type ImportRow, type Learner } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { newId, nowIso } from './ids';
import { withoutUndefined } from './json';

export interface ImportResult {
  added: number;
  updated: number;
  /** Rows that could not be written, e.g. a learner removed on another device between preview and confirm. */
  failed: number;
}

/**
 * Writes what a confirmed import plan says: new learners in one bulk insert, then the changed fields of learners
 * already there. Rows in error, repeated or unchanged are not touched. Should something fail half-way, importing
 * the same file again finishes the job without duplicates, since the plan matches what is already there.
 */
export async function applyClassImport(
  db: AtbalstsDatabase,
  schoolId: string,
  rows: readonly ImportRow[],
): Promise<ImportResult> {
  const now = nowIso();
  const additions: Learner[] = rows.flatMap((r) =>
    r.kind === 'add'
      ? [
          withoutUndefined(
            learnerSchema.parse({
              ...r.fields,
              id: newId(),
              schoolId,
              guardians: [],
              archived: false,
              createdAt: now,
              updatedAt: now,
            }),
          ),
        ]
      : [],
  );
  const inserted = additions.length > 0 ? await db.learners.bulkInsert(additions) : { success: [], error: [] };
  // The stored learners the plan changes, read once and written back in one bulk write (a new school year moves
  // every learner to another class: thousands of single writes would take long on encrypted IndexedDB).
  const updates = rows.filter((r) => r.kind === 'update');
  const stored = await db.learners.findByIds(updates.map((r) => r.learnerId)).exec();
  const changed: Learner[] = [];
  let failed = inserted.error.length;
  for (const row of updates) {
    const doc = stored.get(row.learnerId);
    if (!doc) {
      failed++;
      continue;
    }
    const change = Object.fromEntries(row.changes.map((field) => [field, row.fields[field]]));
    const current = doc.toMutableJSON() as Learner;
    changed.push({ ...current, ...withoutUndefined(learnerSchema.parse({ ...current, ...change, updatedAt: now })) });
  }
  const written = changed.length > 0 ? await db.learners.bulkUpsert(changed) : { success: [], error: [] };
  failed += written.error.length;
  const updated = written.success.length;
  return { added: inserted.success.length, updated, failed };
}
