import { randomUUID } from 'node:crypto';
import { canCreateUser, userSchema, type User } from '../../domain';
import type { CreateUserRequest, SetupRequest, UpdateUserRequest } from '../../sync/protocol/auth';
import { audit } from '../audit/audit';
import { writeDocuments } from '../replication/documents';
import type { Queryable, Store } from '../store/store';
import { hashPassword, verifyPassword, DUMMY_HASH_PROMISE } from './passwords';
import { passwordRefusal, type PasswordRefusal } from './passwordStrength';
import { releaseAttempt, reserveAttempt, signInKeys } from './rateLimit';
import type { AuthenticatedUser } from './scope';
import { revokeAllSessions, startSession, type IssuedTokens } from './sessions';

/** Only one process may create the first administrator. */
const SETUP_LOCK = 7_414_103;

export type AccountError =
  | 'setup_done'
  | 'username_taken'
  | 'invalid_credentials'
  | 'rate_limited'
  | 'account_disabled'
  | 'forbidden'
  | 'not_found'
  | PasswordRefusal;

export async function needsSetup(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM accounts) AS present');
  return !row?.present;
}

/** Creates the account and its directory entry in the caller's transaction (also used by the demo seed). */
export async function insertUser(tx: Queryable, user: User, username: string, password: string): Promise<void> {
  const [taken] = await tx.query('SELECT 1 FROM accounts WHERE username = $1', [username]);
  if (taken) throw new AccountFailure('username_taken');
  await tx.query('INSERT INTO accounts (user_id, username, password_hash) VALUES ($1, $2, $3)', [
    user.id,
    username,
    await hashPassword(password),
  ]);
  // The directory entry colleagues' devices see travels like any other document.
  await writeDocuments(tx, 'users', [
    { id: user.id, assumed: null, next: { ...userSchema.parse(user), _deleted: false } },
  ]);
}

/** Refuses a password a person sets that is too easy to guess (passwordStrength.ts); the demo seed does not ask. */
function requireStrongPassword(password: string, person: { username: string; displayName: string }): void {
  const refusal = passwordRefusal(password, person);
  if (refusal) throw new AccountFailure(refusal);
}

export class AccountFailure extends Error {
  constructor(
    readonly code: AccountError,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** The first-run path: creates the first administrator, only while no account exists. */
export async function setupFirstAdministrator(
  store: Store,
  request: SetupRequest,
): Promise<{ user: User; tokens: IssuedTokens }> {
  requireStrongPassword(request.password, request);
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    if (!(await needsSetup(tx))) throw new AccountFailure('setup_done');
    const now = new Date().toISOString();
    const user: User = {
      id: randomUUID(),
      username: request.username,
      displayName: request.displayName,
      roles: ['administrator'],
      specialistRoles: [],
      subjects: [],
      schoolIds: [],
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    await insertUser(tx, user, request.username, request.password);
    return { user, tokens: await startSession(tx, user.id) };
  });
}

/**
 * The attempt is counted before the (slow) password check and taken back only when the password is right, so
 * simultaneous guesses cannot all pass the limit; see rateLimit.ts for which counters and why.
 */
export async function signIn(
  store: Store,
  username: string,
  password: string,
  clientAddress: string,
): Promise<{ userId: string; tokens: IssuedTokens }> {
  const keys = signInKeys(username, clientAddress);
  const reservation = await reserveAttempt(store, keys);
  if (!reservation.allowed) throw new AccountFailure('rate_limited', reservation.retryAfterSeconds);
  const [account] = await store.query<{ user_id: string; password_hash: string; active: boolean }>(
    'SELECT user_id, password_hash, active FROM accounts WHERE username = $1',
    [username],
  );
  const valid = await verifyPassword(password, account?.password_hash ?? (await DUMMY_HASH_PROMISE));
  if (!account || !valid) throw new AccountFailure('invalid_credentials');
  await releaseAttempt(store, keys);
  if (!account.active) throw new AccountFailure('account_disabled');
  return { userId: account.user_id, tokens: await startSession(store, account.user_id) };
}

export async function createUser(store: Store, creator: AuthenticatedUser, request: CreateUserRequest): Promise<User> {
  const now = new Date().toISOString();
  const user: User = {
    id: randomUUID(),
    username: request.username,
    displayName: request.displayName,
    roles: request.roles,
    specialistRoles: request.specialistRoles,
    subjects: request.subjects,
    schoolIds: request.schoolIds,
    ...(request.municipalityId ? { municipalityId: request.municipalityId } : {}),
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  if (!canCreateUser(creator, user)) throw new AccountFailure('forbidden');
  requireStrongPassword(request.password, request);
  await store.transaction(async (tx) => {
    await insertUser(tx, user, request.username, request.password);
    await audit(tx, creator.userId, 'account_change', 'users', [user.id], { change: 'create' });
  });
  return user;
}

/** Locks the directory entry until commit: two managers changing one person apply one after the other. */
async function managedUser(db: Queryable, manager: AuthenticatedUser, userId: string): Promise<User> {
  const [row] = await db.query<{ data: User }>(
    `SELECT data FROM documents WHERE collection = 'users' AND id = $1 FOR UPDATE`,
    [userId],
  );
  if (!row) throw new AccountFailure('not_found');
  if (!canCreateUser(manager, row.data) || userId === manager.userId) throw new AccountFailure('forbidden');
  return row.data;
}

/** Resetting a password signs the person out everywhere: whoever knew the old one loses access at once. */
export async function resetPassword(store: Store, manager: AuthenticatedUser, userId: string, password: string) {
  await store.transaction(async (tx) => {
    requireStrongPassword(password, await managedUser(tx, manager, userId));
    await tx.query('UPDATE accounts SET password_hash = $2, password_changed_at = now() WHERE user_id = $1', [
      userId,
      await hashPassword(password),
    ]);
    await revokeAllSessions(tx, userId);
    await audit(tx, manager.userId, 'account_change', 'users', [userId], { change: 'password_reset' });
  });
}

/** Disabling revokes every session; the person's devices wipe their data at their next contact. */
export async function setActive(
  store: Store,
  manager: AuthenticatedUser,
  userId: string,
  active: boolean,
): Promise<User> {
  return store.transaction(async (tx) => {
    const user = await managedUser(tx, manager, userId);
    await tx.query('UPDATE accounts SET active = $2 WHERE user_id = $1', [userId, active]);
    if (!active) await revokeAllSessions(tx, userId);
    const next = { ...user, active, updatedAt: new Date().toISOString() };
    await writeDocuments(tx, 'users', [
      { id: userId, assumed: { ...user, _deleted: false }, next: { ...next, _deleted: false } },
    ]);
    await audit(tx, manager.userId, 'account_change', 'users', [userId], { change: active ? 'enable' : 'disable' });
    return next;
  });
}

/**
 * Changes who a person is in the directory (name, roles, schools). The manager must reach the person both as they
 * are and as they will be, so nobody moves a colleague out of reach of its own scope or grants more than they hold.
 * Reach is computed from the directory entry at every request, so the person's next pull follows at once.
 */
export async function updateUser(
  store: Store,
  manager: AuthenticatedUser,
  userId: string,
  changes: UpdateUserRequest,
): Promise<User> {
  return store.transaction(async (tx) => {
    const before = await managedUser(tx, manager, userId);
    const { municipalityId, ...rest } = changes;
    const { municipalityId: previousMunicipality, ...kept } = before;
    const nextMunicipality = municipalityId === undefined ? previousMunicipality : (municipalityId ?? undefined);
    // Stored as merged, not as parsed: fields this version does not know survive the edit.
    const next: User = {
      ...kept,
      ...rest,
      ...(nextMunicipality ? { municipalityId: nextMunicipality } : {}),
      updatedAt: new Date().toISOString(),
    };
    userSchema.parse(next);
    if (!canCreateUser(manager, next)) throw new AccountFailure('forbidden');
    await writeDocuments(tx, 'users', [
      { id: userId, assumed: { ...before, _deleted: false }, next: { ...next, _deleted: false } },
    ]);
    await audit(tx, manager.userId, 'account_change', 'users', [userId], {
      change: 'update',
      fields: Object.keys(changes).sort(),
    });
    return next;
  });
}
