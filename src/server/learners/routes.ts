import type { FastifyInstance } from 'fastify';
import type { TransferProblem } from '../../domain';
import { LEARNER_TRANSFER_PATH, learnerTransferRequestSchema, type LearnerTransferRefusal } from '../../sync/protocol';
import { requireUser } from '../auth/authenticate';
import type { ChangeFeed } from '../live/changeFeed';
import type { Store } from '../store/store';
import { TransferFailure, transferLearners } from './transfer';

const refusalStatus: Record<TransferProblem, number> = {
  roleNotAllowed: 403,
  outOfScope: 403,
  learnerNotFound: 404,
  sameSchool: 409,
  learnerLeft: 409,
  transferInFuture: 400,
};
const refusalMessage: Record<TransferProblem, string> = {
  roleNotAllowed: 'Only a municipal coordinator or an administrator moves learners between schools',
  outOfScope: 'That school is not within your reach',
  learnerNotFound: 'No such learner within your reach',
  sameSchool: 'The learner is already in that school',
  learnerLeft: 'The learner has left school: take back their exit first',
  transferInFuture: 'A transfer is dated today or before',
};

/** Learners' moves between schools (issue 12): checked, written and audited in one transaction, then streamed. */
export function registerLearnerRoutes(app: FastifyInstance, store: Store, feed: ChangeFeed): void {
  app.post(LEARNER_TRANSFER_PATH, async (request, reply) => {
    const actor = await requireUser(store, request, reply);
    if (!actor) return reply;
    const body = learnerTransferRequestSchema.safeParse(request.body);
    if (!body.success) {
      return reply.code(400).send({
        error: 'invalid_transfer',
        message: 'The body must be { learnerIds: [1..200 distinct ids], toSchoolId, on: YYYY-MM-DD }',
      });
    }
    try {
      const outcome = await transferLearners(store, actor, body.data);
      for (const write of outcome.writes) feed.publish(write);
      return outcome.response;
    } catch (error) {
      if (!(error instanceof TransferFailure)) throw error;
      const refusal: LearnerTransferRefusal = { error: error.code, message: refusalMessage[error.code] };
      return reply.code(refusalStatus[error.code]).send(refusal);
    }
  });
}
