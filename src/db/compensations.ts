import { map } from 'rxjs';
import { compensationSchema, type Compensation } from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';
import { newId, nowIso } from './ids';
import { plainJson } from './json';

const NONE: Compensation[] = [];

/** A learner's compensations, newest month first. */
export function useCompensationsOfLearner(learnerId: string | undefined) {
  return useLiveQuery(
    (db) =>
      db.compensations
        .find({ selector: { learnerId: learnerId ?? '' } })
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toMutableJSON() as Compensation)
              .sort((a, b) => b.month.localeCompare(a.month) || b.createdAt.localeCompare(a.createdAt)),
          ),
        ),
    NONE,
    [learnerId],
  );
}

export type NewCompensation = Omit<Compensation, 'id' | 'createdAt' | 'updatedAt' | 'syncConflicts' | 'status'>;

/** Records a request (the caller checked the programme's caps against what is recorded). */
export async function addCompensation(db: AtbalstsDatabase, input: NewCompensation): Promise<Compensation> {
  const now = nowIso();
  const record = plainJson(
    compensationSchema.parse({ ...input, status: 'requested', id: newId(), createdAt: now, updatedAt: now }),
  );
  await db.compensations.insert(record);
  return record;
}

export async function setCompensationStatus(
  db: AtbalstsDatabase,
  id: string,
  status: Compensation['status'],
): Promise<void> {
  const doc = await db.compensations.findOne(id).exec();
  if (!doc) throw new Error(`Compensation ${id} not found`);
  await doc.incrementalModify((current) =>
    plainJson(compensationSchema.parse({ ...(current as Compensation), status, updatedAt: nowIso() })),
  );
}
