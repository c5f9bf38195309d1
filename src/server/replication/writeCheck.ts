import { authorshipProblem, canRead, canWrite, type CollectionName } from '../../domain';
import type { WireDocument } from '../../sync/protocol';
import type { AuthenticatedUser } from '../auth/scope';
import type { Queryable } from '../store/store';
import { compensationCapCheck } from './compensationCaps';
import type { ValidRow, WritePolicy } from './documents';
import { learnerRecordCheck } from './learnerRecords';
import { learnerSchoolCheck } from './learnerReferences';
import { planStepCheck } from './planSteps';
import { profileUseCheck } from './profileUse';
import { indirectWorkPlaceCheck } from './indirectWorkPlace';
import { staffEventParticipantCheck } from './staffEventParticipants';
import { lockKeysFor, takePushLocks } from './pushLocks';
import { youthProjectCheck } from './youthProjects';

/** One collection's own rule over a push, prepared in its transaction: pure `check`, and `accept` to count a row. */
export interface RuleCheck {
  check(previous: WireDocument | null, next: WireDocument): string | null;
  accept?(previous: WireDocument | null, next: WireDocument): void;
}

/**
 * Everything a push by this person must pass, row by row: the permission table, then who signs the change
 * (rules/authorship), then the rules of the collection (plan workflow steps and deletion, compensation caps, learners
 * of the record's school, a learner's own dates and trail, staff events' participants, indirect work's staff member and place, youth projects' grant,
 * commission and scores; a profile's codes its plans use). Runs inside the push's transaction, on validated documents only, after taking the locks
 * the rules depend on (pushLocks.ts), so what it reads cannot change before the push commits — two pushes racing
 * for one learner's monthly cap are judged one after the other, on one process or several over one PostgreSQL. The sync route and the demo seed both use it.
 */
export async function writePolicyFor(
  tx: Queryable,
  actor: AuthenticatedUser,
  collection: CollectionName,
  rows: readonly ValidRow[],
): Promise<WritePolicy> {
  await takePushLocks(tx, lockKeysFor(collection, rows));
  // Every collection: a change is signed by its pusher, or by no one.
  const rules: RuleCheck[] = [{ check: (previous, next) => authorshipProblem(actor.userId, previous, next) }];
  const learnerCheck = await learnerSchoolCheck(tx, collection, rows);
  if (learnerCheck) rules.push(learnerCheck);
  if (collection === 'learners') rules.push(learnerRecordCheck());
  if (collection === 'plans') rules.push(await planStepCheck(tx, actor, rows));
  if (collection === 'compensations') rules.push(await compensationCapCheck(tx, rows));
  if (collection === 'staffevents') {
    rules.push(await staffEventParticipantCheck(tx, rows));
    const indirect = await indirectWorkPlaceCheck(tx, rows);
    if (indirect) rules.push(indirect);
  }
  if (collection === 'profiles') rules.push(await profileUseCheck(tx, rows));
  if (collection === 'youthprojects') rules.push(await youthProjectCheck(tx, actor, rows));
  return {
    check(previous, next) {
      const decision = canWrite(actor, collection, previous, next);
      if (!decision.ok) return decision.reason;
      for (const rule of rules) {
        const refusal = rule.check(previous, next);
        if (refusal) return refusal;
      }
      return null;
    },
    accept(previous, next) {
      for (const rule of rules) rule.accept?.(previous, next);
    },
    mayRead: (stored) => canRead(actor, collection, stored),
  };
}
