import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAttempt, reserveAttempt, signInKeys } from '../../src/server/auth/rateLimit';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { storeFactories } from '../fixtures/stores';

/** The rules in words (README, "Accounts and devices"), written out as times rather than computed. */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = Date.parse('2026-10-05T08:00:00Z');

describe.each(storeFactories)('sign-in counters on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
  });
  afterAll(async () => dispose?.());

  it('gives one device five free attempts, then waits 30 s, 1 min, 2 min … and never more than 15 min', async () => {
    const keys = signInKeys('backoff', '192.0.2.1');
    let now = T0;
    for (let i = 0; i < 5; i++) expect(await reserveAttempt(store, keys, now)).toEqual({ allowed: true });
    const waits = [30, 60, 120, 240, 480, 900, 900].map((s) => s * SECOND);
    for (const wait of waits) {
      expect(await reserveAttempt(store, keys, now + wait - SECOND)).toEqual({ allowed: false, retryAfterSeconds: 1 });
      now += wait;
      expect(await reserveAttempt(store, keys, now)).toEqual({ allowed: true });
    }
  });

  it('holds a username back across addresses after 100 attempts in an hour, until the hour is over', async () => {
    for (let i = 0; i < 100; i++)
      expect(await reserveAttempt(store, signInKeys('ceiling', `192.0.2.${i}`), T0 + i)).toEqual({ allowed: true });
    const fresh = signInKeys('ceiling', '198.51.100.1');
    expect(await reserveAttempt(store, fresh, T0 + 30 * MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 30 * 60,
    });
    expect(await reserveAttempt(store, fresh, T0 + 60 * MINUTE)).toEqual({ allowed: true });
  });

  it('holds an address back after 50 attempts in 15 minutes, whatever the usernames', async () => {
    for (let i = 0; i < 50; i++)
      expect(await reserveAttempt(store, signInKeys(`person${i}`, '192.0.2.200'), T0)).toEqual({ allowed: true });
    expect(await reserveAttempt(store, signInKeys('someone.else', '192.0.2.200'), T0 + 5 * MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 10 * 60,
    });
    expect(await reserveAttempt(store, signInKeys('someone.else', '192.0.2.201'), T0 + 5 * MINUTE)).toEqual({
      allowed: true,
    });
  });

  it('takes a successful attempt back: a right password never counts against the owner', async () => {
    const keys = signInKeys('owner', '192.0.2.50');
    for (let round = 0; round < 30; round++) {
      expect(await reserveAttempt(store, keys, T0 + round)).toEqual({ allowed: true });
      await releaseAttempt(store, keys);
    }
  });
});
