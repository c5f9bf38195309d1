import { randomUUID } from 'node:crypto';
import type { User } from '../../domain';
import type { Queryable, Store } from '../store/store';
import { DIRECTORY_VERSION } from './scope';
import { ACCESS_TOKEN_TTL_MS, newToken, REFRESH_TOKEN_TTL_MS, tokenHash } from './tokens';

export interface IssuedTokens {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
}

export type AuthFailure = 'invalid_token' | 'token_expired' | 'account_disabled';

async function issue(db: Queryable, sessionId: string, userId: string, insert: boolean): Promise<IssuedTokens> {
  const accessToken = newToken();
  const refreshToken = newToken();
  const now = Date.now();
  const params = [
    sessionId,
    userId,
    tokenHash(accessToken),
    new Date(now + ACCESS_TOKEN_TTL_MS),
    tokenHash(refreshToken),
    new Date(now + REFRESH_TOKEN_TTL_MS),
  ];
  await db.query(
    insert
      ? `INSERT INTO sessions (id, user_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`
      : `UPDATE sessions SET access_hash = $3, access_expires_at = $4, refresh_hash = $5, refresh_expires_at = $6
         WHERE id = $1 AND user_id = $2`,
    params,
  );
  return { accessToken, accessExpiresAt: now + ACCESS_TOKEN_TTL_MS, refreshToken };
}

export function startSession(db: Queryable, userId: string): Promise<IssuedTokens> {
  return issue(db, randomUUID(), userId, true);
}

/**
 * Rotates a refresh token: the old one is spent. Presenting a spent token again means it was copied: the whole
 * session is revoked, so the thief and the owner both have to sign in again.
 */
export async function refreshSession(
  store: Store,
  refreshToken: string,
): Promise<{ ok: true; userId: string; tokens: IssuedTokens } | { ok: false; failure: AuthFailure }> {
  const hash = tokenHash(refreshToken);
  return store.transaction(async (tx) => {
    const [session] = await tx.query<{
      id: string;
      user_id: string;
      refresh_expires_at: Date;
      revoked_at: Date | null;
      active: boolean;
    }>(
      `SELECT s.id, s.user_id, s.refresh_expires_at, s.revoked_at, a.active
       FROM sessions s JOIN accounts a ON a.user_id = s.user_id WHERE s.refresh_hash = $1 FOR UPDATE OF s`,
      [hash],
    );
    if (!session) {
      const [spent] = await tx.query<{ session_id: string }>(
        'SELECT session_id FROM spent_refresh_tokens WHERE refresh_hash = $1',
        [hash],
      );
      if (spent) await tx.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [spent.session_id]);
      return { ok: false, failure: 'invalid_token' };
    }
    if (!session.active) return { ok: false, failure: 'account_disabled' };
    if (session.revoked_at || new Date(session.refresh_expires_at).getTime() < Date.now()) {
      return { ok: false, failure: 'token_expired' };
    }
    await tx.query('INSERT INTO spent_refresh_tokens (refresh_hash, session_id) VALUES ($1, $2)', [hash, session.id]);
    return { ok: true, userId: session.user_id, tokens: await issue(tx, session.id, session.user_id, false) };
  });
}

/**
 * The session an access token belongs to, checked (not revoked, account active, not expired), with the person's
 * directory entry and the directory's version: one query answers everything a request needs to know who asks.
 */
export async function authenticateAccessToken(
  db: Queryable,
  accessToken: string,
): Promise<
  | { ok: true; userId: string; sessionId: string; user: User | null; directoryVersion: number }
  | { ok: false; failure: AuthFailure }
> {
  const [session] = await db.query<{
    id: string;
    user_id: string;
    access_expires_at: Date;
    revoked_at: Date | null;
    active: boolean;
    user: User | null;
    version: number | string | null;
  }>(
    `SELECT s.id, s.user_id, s.access_expires_at, s.revoked_at, a.active, u.data AS user, ${DIRECTORY_VERSION} AS version
     FROM sessions s JOIN accounts a ON a.user_id = s.user_id
     LEFT JOIN documents u ON u.collection = 'users' AND u.id = s.user_id
     WHERE s.access_hash = $1`,
    [tokenHash(accessToken)],
  );
  if (!session || session.revoked_at) return { ok: false, failure: 'invalid_token' };
  if (!session.active) return { ok: false, failure: 'account_disabled' };
  if (new Date(session.access_expires_at).getTime() < Date.now()) return { ok: false, failure: 'token_expired' };
  return {
    ok: true,
    userId: session.user_id,
    sessionId: session.id,
    user: session.user,
    directoryVersion: Number(session.version ?? 0),
  };
}

export async function revokeSessionByRefreshToken(db: Queryable, refreshToken: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE refresh_hash = $1', [tokenHash(refreshToken)]);
}

export async function revokeAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}
