import { canWrite, type CollectionName } from '../../domain';
import type { AuthenticatedUser } from '../auth/scope';
import type { Queryable } from '../store/store';
import { compensationCapCheck } from './compensationCaps';
import type { WriteCheck } from './documents';
import { planStepCheck } from './planSteps';

/**
 * Everything a push by this person must pass, row by row: the permission table, then the collection's own rules
 * (plan workflow steps, compensation caps). The sync route and the demo seed both push through it.
 */
export async function writeCheckFor(
  db: Queryable,
  actor: AuthenticatedUser,
  collection: CollectionName,
  rows: readonly { newDocumentState: unknown }[],
): Promise<WriteCheck> {
  const ruleCheck =
    collection === 'plans'
      ? await planStepCheck(db, actor, rows)
      : collection === 'compensations'
        ? await compensationCapCheck(db, rows)
        : null;
  return (previous, next) => {
    const decision = canWrite(actor, collection, previous, next);
    if (!decision.ok) return decision.reason;
    return ruleCheck ? ruleCheck(previous, next) : null;
  };
}
