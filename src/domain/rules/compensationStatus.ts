import { compensationStatuses } from '../activity';

type Doc = Record<string, unknown>;

/** The fields an approval is given for: once approved they stay, and a different amount is a new request. */
const APPROVED_FIELDS = ['learnerId', 'category', 'month', 'amountCents'] as const;

const rank = (doc: Doc) => compensationStatuses.findIndex((s) => s === doc.status);
const deleted = (doc: Doc) => doc._deleted === true;

/**
 * A compensation moves one way (issue 8.6): requested → approved → paid, never back — not even "approved →
 * requested" to correct it, since the approval was given for that amount: a wrong approved record is withdrawn
 * (deleted) while unpaid and requested anew. Once approved, what was approved (learner, category, month, amount)
 * stays as approved; once paid, the record is the trace of money spent (a plan with one cannot be deleted) and is
 * never deleted. A record may be created in any status, e.g. a payment entered after the fact.
 * The device offers only nextCompensationStatus (compensationCaps.ts); the server applies this through canWrite.
 */
export function compensationChangeAllowed(previous: Doc | null, next: Doc): boolean {
  if (!previous || deleted(previous)) return true;
  if (rank(next) < rank(previous)) return false;
  if (rank(previous) >= rank({ status: 'approved' }) && APPROVED_FIELDS.some((f) => previous[f] !== next[f]))
    return false;
  return !(deleted(next) && previous.status === 'paid');
}
