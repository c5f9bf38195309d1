import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDataKey } from './crypto/keyring';
import { closeUserDatabase, openUserDatabase, removeUserDatabase } from './database';

describe('the signed-in person’s database', () => {
  afterEach(async () => closeUserDatabase());

  it('is opened once however many callers ask at the same time (React StrictMode runs effects twice)', async () => {
    const key = await createDataKey();
    const [a, b] = await Promise.all([
      openUserDatabase('atbalsts_u_one', key, 'u1'),
      openUserDatabase('atbalsts_u_one', key, 'u1'),
    ]);
    expect(a).toBe(b);
    expect(await openUserDatabase('atbalsts_u_one', key, 'u1')).toBe(a);
  });

  it('closes one person’s database before opening another’s, and wipes it on request', async () => {
    const key = await createDataKey();
    const first = await openUserDatabase('atbalsts_u_first', key, 'u1');
    await first.learners.insert({
      id: 'l1',
      schoolId: 's',
      firstName: 'A',
      lastName: 'B',
      className: '7.a',
      programme: 'general',
      guardians: [{ id: 'g', name: 'Māte' }],
      archived: false,
      createdAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-24T08:00:00.000Z',
    });
    const second = await openUserDatabase('atbalsts_u_second', key, 'u1');
    expect(first.closed).toBe(true);
    expect(second.closed).toBe(false);
    await removeUserDatabase('atbalsts_u_first');
    const reopened = await openUserDatabase('atbalsts_u_first', key, 'u1');
    expect(await reopened.learners.count().exec()).toBe(0);
  });
});
