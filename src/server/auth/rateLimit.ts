import type { Queryable } from '../store/store';

/**
 * Failed sign-ins are counted per username and per address in the database, so every server process behind a load
 * balancer sees the same counts. A key is locked after its limit within the window, until the window ends. A whole
 * school often shares one address, so an address may fail far more often than one username.
 */
export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;
const limitOf = (key: string) => (key.startsWith('address:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES);
export const WINDOW_MS = 15 * 60 * 1000;

export interface LockState {
  locked: boolean;
  retryAfterSeconds: number;
}

export async function checkLocked(db: Queryable, keys: string[], now = Date.now()): Promise<LockState> {
  const rows = await db.query<{ key: string; failures: number; window_start: Date }>(
    'SELECT key, failures, window_start FROM login_failures WHERE key = ANY($1::text[])',
    [keys],
  );
  let retryAfter = 0;
  for (const row of rows) {
    const ends = new Date(row.window_start).getTime() + WINDOW_MS;
    if (row.failures >= limitOf(row.key) && ends > now)
      retryAfter = Math.max(retryAfter, Math.ceil((ends - now) / 1000));
  }
  return { locked: retryAfter > 0, retryAfterSeconds: retryAfter };
}

export async function recordFailure(db: Queryable, keys: string[], now = Date.now()): Promise<void> {
  const windowStart = new Date(now - WINDOW_MS);
  for (const key of keys) {
    await db.query(
      `INSERT INTO login_failures (key, failures, window_start) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failures.window_start < $3 THEN 1 ELSE login_failures.failures + 1 END,
         window_start = CASE WHEN login_failures.window_start < $3 THEN $2 ELSE login_failures.window_start END`,
      [key, new Date(now), windowStart],
    );
  }
}

export async function clearFailures(db: Queryable, keys: string[]): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = ANY($1::text[])', [keys]);
}
