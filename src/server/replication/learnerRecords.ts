import { addDays, learnerRecordProblem, localDate, type Learner } from '../../domain';
import type { WireDocument } from '../../sync/protocol';
import type { RuleCheck } from './writeCheck';

/**
 * The learner page's rules, checked again in the push (rules/learnerExit): a signed application or an exit dated
 * after tomorrow, a minor's own signature, an exit without archiving, or a rewritten trail of former schools is
 * refused. Tomorrow, not today: a device east of the server may already be in its next day. A deletion is judged by
 * the permission table alone.
 */
export function learnerRecordCheck(now: () => Date = () => new Date()): RuleCheck {
  return {
    check(previous: WireDocument | null, next: WireDocument) {
      if (next._deleted) return null;
      const tomorrow = addDays(localDate(now()), 1);
      return learnerRecordProblem(previous as unknown as Learner | null, next as unknown as Learner, tomorrow);
    },
  };
}
