import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store';
import { actorOf, type AuthenticatedUser } from './scope';
import { authenticateAccessToken } from './sessions';

const messages = {
  invalid_token: 'Sign in again: this session is not valid',
  token_expired: 'The access token has expired: refresh it',
  account_disabled: 'This account has been disabled',
} as const;

/**
 * Resolves the bearer token to the person and their reach, or answers 401 and returns null. A disabled account gets
 * its own error code, on which devices wipe that person's local data.
 */
export async function requireUser(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<AuthenticatedUser | null> {
  return (await requireSession(store, request, reply))?.actor ?? null;
}

/** As requireUser, with the session the token belongs to (a live stream belongs to the session, not the token). */
export async function requireSession(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ actor: AuthenticatedUser; sessionId: string } | null> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) {
    await reply.code(401).send({ error: 'invalid_token', message: 'Sign in first' });
    return null;
  }
  const result = await authenticateAccessToken(store, token);
  if (!result.ok) {
    await reply.code(401).send({ error: result.failure, message: messages[result.failure] });
    return null;
  }
  if (!result.user) {
    await reply.code(401).send({ error: 'invalid_token', message: messages.invalid_token });
    return null;
  }
  return { actor: await actorOf(store, result.user, result.directoryVersion), sessionId: result.sessionId };
}
