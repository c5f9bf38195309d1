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
  let updated = 0;
  let failed = inserted.error.length;
  for (const row of rows) {
    if (row.kind !== 'update') continue;
    const doc = await db.learners.findOne(row.learnerId).exec();
    if (!doc) {
      failed++;
      continue;
    }
    const change = Object.fromEntries(row.changes.map((field) => [field, row.fields[field]]));
    // Applied to the stored document as it is when written, so a change synced in meanwhile is kept.
    await doc.incrementalModify((current) => ({
      ...current,
      ...withoutUndefined(learnerSchema.parse({ ...current, ...change, updatedAt: nowIso() })),
    }));
    updated++;
  }
  return { added: inserted.success.length, updated, failed };
}
