import { checkCompensation, type Compensation, type SupportPlan } from '../../domain';
import type { Queryable } from '../store/store';
import type { ValidRow } from './documents';
import { readLearners } from './learnerReferences';
import { readPushProfiles, schoolYearOfMonth } from './planProfiles';
import type { RuleCheck } from './writeCheck';

/**
 * The programme's caps hold on the server too: two devices offline may each record 50 € of meals for the same
 * month, and the second to arrive is refused with a reason (its device keeps it and shows why). Runs in the push's
 * transaction after the learners' compensation locks are taken (pushLocks.ts), so what it reads here is every
 * compensation committed for them, and no other push can add one before this one commits; rows accepted earlier
 * in the same push count too. The caps are those of the plan's own profile (a compensation tied to no plan: the
 * profile of its month's school year), read in the same transaction (planProfiles.ts).
 */
export async function compensationCapCheck(tx: Queryable, rows: readonly ValidRow[]): Promise<RuleCheck> {
  const learnerIds = [...new Set(rows.map((r) => (r.next as unknown as Compensation).learnerId))];
  const stored = (
    await tx.query<{ data: Compensation }>(
      `SELECT data FROM documents WHERE collection = 'compensations' AND NOT deleted AND data->>'learnerId' = ANY($1::text[])`,
      [learnerIds],
    )
  ).map(({ data }) => data);
  const programmes = new Map([...(await readLearners(tx, learnerIds)).values()].map((l) => [l.id, l.programme]));
  const recorded = new Map(stored.map((c) => [c.id, c]));
  const planIds = [...new Set(rows.map((r) => (r.next as unknown as Compensation).planId).filter((id) => id))];
  const plans = new Map(
    (
      await tx.query<{ data: SupportPlan }>(
        `SELECT data FROM documents WHERE collection = 'plans' AND id = ANY($1::text[])`,
        [planIds],
      )
    ).map(({ data }) => [data.id, data]),
  );
  const profiles = await readPushProfiles(tx);

  return {
    check(previous, next) {
      const entry = next as unknown as Compensation & { _deleted?: boolean };
      const before = previous as unknown as Compensation | null;
      if (entry._deleted) return null;
      const unchanged =
        before !== null &&
        before.learnerId === entry.learnerId &&
        before.category === entry.category &&
        before.month === entry.month &&
        entry.amountCents <= before.amountCents;
      if (unchanged) return null;
      // A learner not on the server yet is judged by the widest rules.
      const programme = programmes.get(entry.learnerId) ?? 'vocational';
      const plan = entry.planId ? plans.get(entry.planId) : undefined;
      // A plan not on the server yet (or none) is judged by the profile of the month's school year.
      const profile = (plan && profiles.ofPlan(plan)) ?? profiles.ofSchoolYear(schoolYearOfMonth(entry.month));
      const problem = checkCompensation(profile, entry, programme, [...recorded.values()]);
      if (problem) return problem.code === 'overCap' ? 'compensationOverCap' : 'compensationNotAllowed';
      return null;
    },
    accept(_previous, next) {
      const entry = next as unknown as Compensation & { _deleted?: boolean };
      if (entry._deleted) recorded.delete(entry.id);
      else recorded.set(entry.id, entry);
    },
  };
}
