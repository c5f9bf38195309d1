import { describe, expect, it } from 'vitest';
import { notificationPayload } from '../../src/server/live/changeFeed';

/** PostgreSQL refuses NOTIFY payloads over 8000 bytes: a change is described within that, or sent wide. */
describe('the notification payload of a change', () => {
  it('carries the scopes, not the ids, when it has them', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `learner-${i}-${'x'.repeat(30)}`);
    const payload = notificationPayload({ collection: 'learners', ids, scopes: [{ schoolId: 'school-1' }] });
    expect(JSON.parse(payload)).toEqual({ collection: 'learners', ids: [], scopes: [{ schoolId: 'school-1' }] });
  });

  it('is sent wide when its scopes do not fit, and never exceeds the limit', () => {
    const scopes = Array.from({ length: 500 }, (_, i) => ({ id: `user-${i}`, schoolIds: [`school-${i}`] }));
    const payload = notificationPayload({ collection: 'users', ids: [], scopes });
    expect(JSON.parse(payload)).toEqual({ collection: 'users', ids: [], scopes: 'wide' });
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(8000);
  });

  it('is sent wide when it has more ids than it may carry', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `user-${i}`);
    expect(JSON.parse(notificationPayload({ collection: 'users', ids }))).toEqual({
      collection: 'users',
      ids: [],
      scopes: 'wide',
    });
    expect(JSON.parse(notificationPayload({ collection: 'users', ids: ['u1'] }))).toEqual({
      collection: 'users',
      ids: ['u1'],
    });
  });
});
