import { createHash } from 'node:crypto';
import type { Queryable, Store } from '../store/store';

/**
 * How sign-in attempts are limited, and why so. An attempt is counted BEFORE its password is checked, in one locked
 * transaction over every key it touches, so parallel guesses cannot all slip past the check (they did when counting
 * came after the slow hash), and the counts live in the database, so every server process sees the same ones.
 *
 * Three counters, each with its own rule:
 * - **username + address** (one person's device, or an attacker's): five attempts are free, then each further attempt
 *   waits twice as long as the one before (30 s, 1 min, 2 min … at most 15 min); a successful sign-in clears it. This
 *   slows a guesser to a few dozen tries a day without touching the owner on another device.
 * - **username, across addresses**: a ceiling of 100 attempts an hour, against guessing spread over many addresses.
 *   To lock the owner out with it, an attacker needs some twenty addresses, and only for the rest of that hour.
 * - **address, across usernames**: 50 attempts in 15 minutes, against one address trying many usernames; high,
 *   because a whole school often signs in from one address.
 * A successful sign-in takes its own attempt back from the two ceilings: only failures count against them.
 */
interface Rule {
  /** Attempts within the window that are never held back. */
  free: number;
  windowMs: number;
  /** Past `free`: wait base·2^(n−free) after the n-th attempt; without it, wait until the window ends. */
  backoff?: { baseMs: number; maxMs: number };
}

const MINUTE = 60_000;
export const signInRules = {
  device: { free: 5, windowMs: 24 * 60 * MINUTE, backoff: { baseMs: 30_000, maxMs: 15 * MINUTE } },
  username: { free: 100, windowMs: 60 * MINUTE },
  address: { free: 50, windowMs: 15 * MINUTE },
} satisfies Record<string, Rule>;
type Kind = keyof typeof signInRules;

export interface LimitKey {
  key: string;
  kind: Kind;
}

/** The counters one attempt touches; usernames arrive lower-cased by the request schema. */
export function signInKeys(username: string, address: string): LimitKey[] {
  return [
    { key: `device:${username}@${address}`, kind: 'device' },
    { key: `user:${username}`, kind: 'username' },
    { key: `address:${address}`, kind: 'address' },
  ];
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Row {
  key: string;
  attempts: number;
  window_start: Date;
  blocked_until: Date;
}

const NEVER = new Date(0);

/** A 64-bit advisory lock per key; taken in ascending order by every caller, so two attempts never deadlock. */
function lockIds(keys: LimitKey[]): string[] {
  return keys
    .map((k) => createHash('sha256').update(`sign-in:${k.key}`).digest().readBigInt64BE(0))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
}

async function lockKeys(tx: Queryable, keys: LimitKey[]): Promise<Map<string, Row>> {
  for (const id of lockIds(keys)) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [id]);
  const rows = await tx.query<Row>(
    'SELECT key, attempts, window_start, blocked_until FROM sign_in_attempts WHERE key = ANY($1::text[])',
    [keys.map((k) => k.key)],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

async function save(tx: Queryable, key: string, attempts: number, windowStart: Date, blockedUntil: Date) {
  await tx.query(
    `INSERT INTO sign_in_attempts (key, attempts, window_start, blocked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET attempts = $2, window_start = $3, blocked_until = $4`,
    [key, attempts, windowStart, blockedUntil],
  );
}

/** When the attempt that brings a counter to `attempts` holds the next one back until. */
function blockedAfter(rule: Rule, attempts: number, windowStart: number, now: number): Date {
  if (attempts < rule.free) return NEVER;
  if (!rule.backoff) return new Date(windowStart + rule.windowMs);
  return new Date(now + Math.min(rule.backoff.baseMs * 2 ** (attempts - rule.free), rule.backoff.maxMs));
}

/**
 * Counts one attempt against every key, or refuses it without counting when any key is held back. Call before the
 * password check; the attempt stays counted as a failure unless `releaseAttempt` takes it back.
 */
export async function reserveAttempt(store: Store, keys: LimitKey[], now = Date.now()): Promise<Reservation> {
  return store.transaction(async (tx) => {
    const rows = await lockKeys(tx, keys);
    const waitMs = Math.max(0, ...[...rows.values()].map((r) => new Date(r.blocked_until).getTime() - now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    for (const { key, kind } of keys) {
      const rule: Rule = signInRules[kind];
      const row = rows.get(key);
      const start = row ? new Date(row.window_start).getTime() : now;
      const current = row && start + rule.windowMs > now;
      const attempts = (current ? row.attempts : 0) + 1;
      const windowStart = current ? start : now;
      await save(tx, key, attempts, new Date(windowStart), blockedAfter(rule, attempts, windowStart, now));
    }
    return { allowed: true };
  });
}

/** The password was right: the device's counter starts over, and the ceilings forget this attempt. */
export async function releaseAttempt(store: Store, keys: LimitKey[]): Promise<void> {
  await store.transaction(async (tx) => {
    const rows = await lockKeys(tx, keys);
    for (const { key, kind } of keys) {
      const row = rows.get(key);
      if (!row) continue;
      const rule: Rule = signInRules[kind];
      if (rule.backoff) {
        await tx.query('DELETE FROM sign_in_attempts WHERE key = $1', [key]);
        continue;
      }
      const attempts = Math.max(0, row.attempts - 1);
      const blockedUntil = attempts < rule.free ? NEVER : new Date(row.blocked_until);
      await save(tx, key, attempts, new Date(row.window_start), blockedUntil);
    }
  });
  // Counters whose window and wait are long over tell nothing any more; rows in use are skipped, never waited for.
  await store.query(
    `DELETE FROM sign_in_attempts WHERE key IN (
       SELECT key FROM sign_in_attempts WHERE window_start < now() - interval '2 days' AND blocked_until < now()
       FOR UPDATE SKIP LOCKED)`,
  );
}
