import type { Learner, LearnerExit } from '../learner';
import { consentProblem } from './consent';

export type LearnerRecordProblem =
  | 'consentInFuture'
  | 'minorSignedOwn'
  | 'exitInFuture'
  | 'exitBeforeBirth'
  | 'exitArchivedMismatch'
  | 'transfersRewritten';

/**
 * What is wrong with a learner's record as stored after an edit, beyond its shape: the rules the learner page checks
 * and the server checks again in the push. `today` is the checker's date; the server passes tomorrow's, so a device
 * a time zone ahead is not refused.
 *
 * - A signed application is dated today or before, and a minor did not sign their own (rules/consent).
 * - An exit is dated today or before, not before the learner was born, and comes with `archived` (and only an exit
 *   archives: an archived learner without one would vanish from every list with no reason given).
 * - The list of former schools is written only by the server's transfer: an edit keeps it as it was.
 */
export function learnerRecordProblem(
  previous: Pick<Learner, 'transfers' | 'consent' | 'exit'> | null,
  next: Pick<Learner, 'consent' | 'exit' | 'archived' | 'birthDate' | 'transfers'>,
  today: string,
): LearnerRecordProblem | null {
  const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  // Only what the edit changes is judged: a record stored before a rule existed stays editable.
  if (next.consent && changed(previous?.consent, next.consent)) {
    const consent = consentProblem(next.consent, next.birthDate, today);
    if (consent === 'signedInFuture') return 'consentInFuture';
    if (consent) return consent;
  }
  if (changed(previous?.exit, next.exit)) {
    const problem = exitProblem(next.exit, next.birthDate, today);
    if (problem) return problem;
  }
  if (next.archived !== (next.exit !== undefined)) return 'exitArchivedMismatch';
  if (JSON.stringify(previous?.transfers ?? []) !== JSON.stringify(next.transfers ?? [])) return 'transfersRewritten';
  return null;
}

export function exitProblem(
  exit: LearnerExit | undefined,
  birthDate: string | undefined,
  today: string,
): 'exitInFuture' | 'exitBeforeBirth' | null {
  if (!exit) return null;
  if (exit.on > today) return 'exitInFuture';
  if (birthDate && exit.on < birthDate) return 'exitBeforeBirth';
  return null;
}
