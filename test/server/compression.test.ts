import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { localChangeFeed } from '../../src/server/live/changeFeed';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, TEST_PASSWORD, type TestUser } from '../fixtures/accounts';
import { learner, newRow } from '../fixtures/documents';
import { listening, openStream } from '../fixtures/sseClient';
import { storeFactories } from '../fixtures/stores';

/**
 * A first sync on a rural connection moves pull pages of up to 500 documents: the API's JSON goes compressed to a
 * device that accepts it (every browser), as it is to one that does not, and the live stream is never held back.
 */
describe('compressed API answers', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let teacher: TestUser;
  let store: Store;
  const pull = '/api/sync/learners/pull?seq=0&limit=500';

  beforeAll(async () => {
    const created = await storeFactories[0]!.create();
    dispose = created.dispose;
    store = created.store;
    await migrate(created.store);
    await ensureSchools(created.store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    teacher = await createTestUser(created.store, ['teacher'], ['school-1']);
    app = await buildApp({ store: created.store, feed: localChangeFeed() });
    const rows = Array.from({ length: 120 }, (_, i) =>
      newRow(learner({ id: `learner-${i}`, firstName: `Anna ${i}`, lastName: 'Bērziņa', className: '7.a' })),
    );
    const push = await app.inject({
      method: 'POST',
      url: '/api/sync/learners/push',
      headers: teacher.headers,
      payload: rows,
    });
    expect(push.statusCode, push.body).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('sends a pull page as brotli or gzip when asked, the same JSON as uncompressed, a fraction of its size', async () => {
    const get = (encoding: string) =>
      app.inject({ method: 'GET', url: pull, headers: { ...teacher.headers, 'accept-encoding': encoding } });
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = plain.json<{ documents: { id: string }[] }>();
    expect(page.documents).toHaveLength(120);

    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(page);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(page);
  });

  it('never compresses an answer that carries credentials, however large', async () => {
    const schools = Array.from({ length: 40 }, (_, i) => ({
      id: `school-with-a-long-identifier-${i}`,
      municipalityId: 'muni-1',
    }));
    await ensureSchools(store, schools);
    const coordinator = await createTestUser(
      store,
      ['school_coordinator'],
      schools.map((s) => s.id),
    );
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      payload: { username: coordinator.user.username, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json()).toHaveProperty('accessToken');
    // Large enough to be compressed were it any other answer.
    expect(signIn.rawPayload.length).toBeGreaterThan(1024);
    expect(signIn.headers['content-encoding']).toBeUndefined();
  });

  it('leaves a small answer as it is', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('still streams live changes event by event to a device that accepts compression', async () => {
    const url = await listening(app);
    // As a browser asks: it accepts brotli on every request, the stream's included.
    const device = { headers: { ...teacher.headers, 'accept-encoding': 'gzip, deflate, br' } };
    const stream = await openStream(url, device);
    expect(await stream.next()).toBe('RESYNC');
    const push = await fetch(`${url}/api/sync/learners/push`, {
      method: 'POST',
      headers: { ...teacher.headers, 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify([newRow(learner({ id: 'learner-live' }))]),
    });
    expect(push.status).toBe(200);
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'learners' });
    stream.close();
  });
});
