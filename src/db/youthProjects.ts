import { map } from 'rxjs';
import { youthProjectSchema, type YouthProject } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: YouthProject[] = [];

/**
 * Every youth competition and application this device holds: the server sends a person exactly those they may
 * read (their municipality's calls; the applications only to its coordinators and each competition's commission),
 * a few dozen a year, so the screens filter them in memory.
 */
export function useYouthProjects() {
  return useLiveQuery(
    (db) =>
      db.youthprojects
        .find()
        .$.pipe(
          map((docs) =>
            docs.map((d) => d.toMutableJSON() as YouthProject).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
          ),
        ),
    NONE,
    [],
  );
}

export type NewYouthRecord = Omit<YouthProject, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'syncConflicts'>;

/** Records a competition or an application (validated again: the database keeps only whole, valid records). */
export async function addYouthRecord(db: AtbalstsDatabase, input: NewYouthRecord): Promise<YouthProject> {
  const now = nowIso();
  const record = plainJson(youthProjectSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now }));
  await db.youthprojects.insert(record);
  return record;
}

/** Applies one change to the record as stored now (RxDB re-runs it on a clash, keeping another device's edit). */
export async function updateYouthRecord(
  db: AtbalstsDatabase,
  id: string,
  change: (current: YouthProject) => YouthProject,
): Promise<YouthProject> {
  const doc = await db.youthprojects.findOne(id).exec();
  if (!doc) throw new Error(`Youth project ${id} not found`);
  let result: YouthProject | null = null;
  await doc.incrementalModify((current) => {
    const next = plainJson(youthProjectSchema.parse({ ...change(current as YouthProject), updatedAt: nowIso() }));
    result = next;
    return next;
  });
  return result as unknown as YouthProject;
}
