/**
 * Moving learners to another school on the wire (issue 12): a server operation, not a push, because the learner's
 * records move with them in one transaction — the old school's devices then drop them all at their next pull, the
 * new school's receive them. It needs the network: the person who does it (a municipal coordinator, an
 * administrator) is told so, and nothing is half-moved.
 */
import { z } from 'zod';
import { dateSchema, idSchema, TRANSFERRED_COLLECTIONS, type TransferProblem } from '../../domain';

export const LEARNER_TRANSFER_PATH = '/api/learners/transfer';

/** At most a large class list at once. */
export const TRANSFER_MAX_LEARNERS = 200;

export const learnerTransferRequestSchema = z.strictObject({
  learnerIds: z
    .array(idSchema)
    .min(1)
    .max(TRANSFER_MAX_LEARNERS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each learner once' }),
  toSchoolId: idSchema,
  on: dateSchema,
});
export type LearnerTransferRequest = z.infer<typeof learnerTransferRequestSchema>;

/** How many records moved with the learners, and how many schedules of the old school stopped naming them. */
export const learnerTransferResponseSchema = z.strictObject({
  learners: z.number().int().min(0),
  moved: z.strictObject(
    Object.fromEntries(TRANSFERRED_COLLECTIONS.map((c) => [c, z.number().int().min(0)])) as Record<
      (typeof TRANSFERRED_COLLECTIONS)[number],
      z.ZodNumber
    >,
  ),
  schedulesChanged: z.number().int().min(0),
});
export type LearnerTransferResponse = z.infer<typeof learnerTransferResponseSchema>;

export interface LearnerTransferRefusal {
  error: TransferProblem;
  message: string;
}
