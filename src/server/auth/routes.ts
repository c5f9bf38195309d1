import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  authPaths,
  createUserRequestSchema,
  loginRequestSchema,
  refreshRequestSchema,
  resetPasswordRequestSchema,
  setActiveRequestSchema,
  setupRequestSchema,
  updateUserRequestSchema,
  USERS_PATH,
  type AuthStatus,
  type SessionResponse,
} from '../../sync/protocol/auth';
import type { ChangeFeed } from '../live/changeFeed';
import { holdsDemoData } from '../seed/seedDemo';
import type { Store } from '../store/store';
import {
  AccountFailure,
  createUser,
  needsSetup,
  resetPassword,
  setActive,
  setupFirstAdministrator,
  signIn,
  updateUser,
} from './accounts';
import { requireUser } from './authenticate';
import { actorFor } from './scope';
import { refreshSession, revokeSessionByRefreshToken, type IssuedTokens } from './sessions';

const failureStatus: Record<AccountFailure['code'], number> = {
  setup_done: 409,
  username_taken: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  account_disabled: 401,
  forbidden: 403,
  not_found: 404,
  password_is_demo: 400,
  password_has_username: 400,
  password_has_name: 400,
  password_guessable: 400,
};
const failureMessage: Record<AccountFailure['code'], string> = {
  setup_done: 'The first administrator already exists',
  username_taken: 'This username is taken',
  invalid_credentials: 'Wrong username or password',
  rate_limited: 'Too many failed attempts; try again later',
  account_disabled: 'This account has been disabled',
  forbidden: 'You may not manage this account',
  not_found: 'No such user',
  password_is_demo: 'The demo password is public: choose another one',
  password_has_username: 'The password must not contain the username',
  password_has_name: "The password must not contain the person's name",
  password_guessable: 'This password is too easy to guess: choose a longer one, e.g. a few unrelated words',
};

function parse<T extends z.ZodType>(schema: T, body: unknown, reply: FastifyReply): z.infer<T> | null {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  void reply.code(400).send({
    error: 'invalid_request',
    message: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    details: result.error.issues,
  });
  return null;
}

async function sendFailure(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AccountFailure)) throw error;
  if (error.retryAfterSeconds) void reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply.code(failureStatus[error.code]).send({ error: error.code, message: failureMessage[error.code] });
}

async function sessionResponse(store: Store, userId: string, tokens: IssuedTokens): Promise<SessionResponse> {
  const actor = await actorFor(store, userId);
  if (!actor) throw new AccountFailure('not_found');
  return { user: actor.user, ...tokens };
}

/** `feed` tells live devices that a directory entry changed, after commit. */
export function registerAuthRoutes(app: FastifyInstance, store: Store, feed?: ChangeFeed): void {
  const published = <T extends { id: string }>(user: T): T => {
    feed?.publish({ collection: 'users', ids: [user.id] });
    return user;
  };
  app.get(authPaths.status, async (): Promise<AuthStatus> => ({
    needsSetup: await needsSetup(store),
    demo: await holdsDemoData(store),
  }));

  app.post(authPaths.setup, async (request, reply) => {
    const body = parse(setupRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      const { user, tokens } = await setupFirstAdministrator(store, body);
      return await sessionResponse(store, user.id, tokens);
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.post(authPaths.login, async (request, reply) => {
    const body = parse(loginRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      const { userId, tokens } = await signIn(store, body.username, body.password, request.ip);
      return await sessionResponse(store, userId, tokens);
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.post(authPaths.refresh, async (request, reply) => {
    const body = parse(refreshRequestSchema, request.body, reply);
    if (!body) return reply;
    const result = await refreshSession(store, body.refreshToken);
    if (!result.ok) return reply.code(401).send({ error: result.failure, message: 'Sign in again' });
    return sessionResponse(store, result.userId, result.tokens);
  });

  app.post(authPaths.logout, async (request, reply) => {
    const body = parse(refreshRequestSchema, request.body, reply);
    if (!body) return reply;
    await revokeSessionByRefreshToken(store, body.refreshToken);
    return reply.code(204).send();
  });

  app.post(USERS_PATH, async (request, reply) => {
    const manager = await requireUser(store, request, reply);
    if (!manager) return reply;
    const body = parse(createUserRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      return reply.code(201).send(published(await createUser(store, manager, body)));
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.post<{ Params: { id: string } }>(`${USERS_PATH}/:id/password`, async (request, reply) => {
    const manager = await requireUser(store, request, reply);
    if (!manager) return reply;
    const body = parse(resetPasswordRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      await resetPassword(store, manager, request.params.id, body.password);
      return reply.code(204).send();
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.post<{ Params: { id: string } }>(`${USERS_PATH}/:id/active`, async (request, reply) => {
    const manager = await requireUser(store, request, reply);
    if (!manager) return reply;
    const body = parse(setActiveRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      return published(await setActive(store, manager, request.params.id, body.active));
    } catch (error) {
      return sendFailure(reply, error);
    }
  });

  app.patch<{ Params: { id: string } }>(`${USERS_PATH}/:id`, async (request, reply) => {
    const manager = await requireUser(store, request, reply);
    if (!manager) return reply;
    const body = parse(updateUserRequestSchema, request.body, reply);
    if (!body) return reply;
    try {
      return published(await updateUser(store, manager, request.params.id, body));
    } catch (error) {
      return sendFailure(reply, error);
    }
  });
}
