import { checkCompensation, defaultProfile, type Compensation, type Learner } from '../../domain';
import type { Queryable } from '../store/store';
import type { WriteCheck } from './documents';

/**
 * The programme's caps hold on the server too: two devices offline may each record 50 € of meals for the same
 * month, and the second to arrive is refused with a reason (its device keeps it and shows why). What is already
 * stored for the learners of a push is read once, before its transaction; rows accepted in the same push count too.
 */
export async function compensationCapCheck(
  db: Queryable,
  rows: readonly { newDocumentState: unknown }[],
): Promise<WriteCheck> {
  const learnerIds = [
    ...new Set(
      rows
        .map((r) => r.newDocumentState)
        .filter((d): d is Partial<Compensation> => typeof d === 'object' && d !== null)
        .map((d) => String(d.learnerId)),
    ),
  ];
  const stored = (
    await db.query<{ data: Compensation }>(
      `SELECT data FROM documents WHERE collection = 'compensations' AND NOT deleted AND data->>'learnerId' = ANY($1::text[])`,
      [learnerIds],
    )
  ).map(({ data }) => data);
  const programmes = new Map(
    (
      await db.query<{ data: Learner }>(
        `SELECT data FROM documents WHERE collection = 'learners' AND id = ANY($1::text[])`,
        [learnerIds],
      )
    ).map(({ data }) => [data.id, data.programme]),
  );
  const recorded = new Map(stored.map((c) => [c.id, c]));

  return (previous, next) => {
    const entry = next as unknown as Compensation & { _deleted?: boolean };
    const before = previous as unknown as Compensation | null;
    const unchanged =
      before !== null &&
      before.learnerId === entry.learnerId &&
      before.category === entry.category &&
      before.month === entry.month &&
      entry.amountCents <= before.amountCents;
    if (entry._deleted) {
      recorded.delete(entry.id);
      return null;
    }
    if (!unchanged) {
      // A learner not on the server yet is judged by the widest rules.
      const programme = programmes.get(entry.learnerId) ?? 'vocational';
      const problem = checkCompensation(defaultProfile, entry, programme, [...recorded.values()]);
      if (problem) return problem.code === 'overCap' ? 'compensationOverCap' : 'compensationNotAllowed';
    }
    recorded.set(entry.id, entry);
    return null;
  };
}
