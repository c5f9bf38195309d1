import { sendJson } from './auth/usersApi';
import { signedFetch } from './auth/session';
import { LEARNER_TRANSFER_PATH, type LearnerTransferRequest, type LearnerTransferResponse } from './protocol/learners';

/**
 * Moving learners between schools is the server's (protocol/learners): it needs the network, throws OfflineError
 * without it and AuthError with the server's reason (roleNotAllowed, learnerLeft…). The moved records reach this
 * device, and leave the old school's devices, through sync.
 */
export const learnersApi = (baseUrl = '', getFetch: () => typeof fetch | null = signedFetch) => ({
  transfer: (request: LearnerTransferRequest) =>
    sendJson<LearnerTransferResponse>(getFetch(), `${baseUrl}${LEARNER_TRANSFER_PATH}`, 'POST', request),
});
export type LearnersApi = ReturnType<typeof learnersApi>;
