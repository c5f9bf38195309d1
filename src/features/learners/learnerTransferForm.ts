import { dateSchema } from '../../domain';
import type { Validated } from '../forms';
import type { LearnerTransferRequest } from '../../sync';

/** What the transfer form holds: text only, as every form here does (useValidatedForm). */
export interface TransferFormValues {
  toSchoolId: string;
  on: string;
  /** Only this learner, or their whole class. */
  who: 'learner' | 'class';
}

export interface TransferFormContext {
  /** The schools this person may move the learner to (in their reach, not the learner's own). */
  destinationIds: readonly string[];
  learnerId: string;
  classmateIds: readonly string[];
  today: string;
}

/**
 * The request the form sends, or a message per field. The server decides again with the stored learners
 * (rules/learnerTransfer transferProblem): the form checks what it can know, so a slip is named next to its field
 * before the network is needed.
 */
export function validateTransferForm(
  values: TransferFormValues,
  { destinationIds, learnerId, classmateIds, today }: TransferFormContext,
): Validated<keyof TransferFormValues, LearnerTransferRequest> {
  const errors: Partial<Record<keyof TransferFormValues, { key: string }>> = {};
  if (!destinationIds.includes(values.toSchoolId)) errors.toSchoolId = { key: 'learners:transfer.errors.school' };
  if (!dateSchema.safeParse(values.on).success) errors.on = { key: 'common:validation.date' };
  else if (values.on > today) errors.on = { key: 'learners:transfer.errors.transferInFuture' };
  const learnerIds = values.who === 'class' ? [...classmateIds] : [learnerId];
  if (learnerIds.length === 0) errors.who = { key: 'common:validation.required' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { learnerIds, toSchoolId: values.toSchoolId, on: values.on } };
}
