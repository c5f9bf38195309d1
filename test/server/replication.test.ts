import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { learner, newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';

describe.each(storeFactories)('replication endpoints on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;

  let teacher: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    teacher = await createTestUser(store, ['teacher'], ['school-1']);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const push = (collection: string, rows: unknown) =>
    app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      payload: rows as object,
      headers: teacher.headers,
    });
  const pull = async (seq: number, limit: number, collection = 'learners') => {
    const scope = (
      await app.inject({ method: 'GET', url: `/api/sync/${collection}/pull?seq=0&limit=1`, headers: teacher.headers })
    ).json<{ checkpoint: { scope: string } }>().checkpoint.scope;
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/${collection}/pull?seq=${seq}&limit=${limit}&scope=${scope}`,
      headers: teacher.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ documents: { id: string; _deleted: boolean }[]; checkpoint: { seq: number } }>();
  };
  const stored = async (id: string) =>
    (
      await store.query<{ data: Record<string, unknown>; deleted: boolean }>(
        'SELECT data, deleted FROM documents WHERE collection = $1 AND id = $2',
        ['learners', id],
      )
    )[0];

  it('reports health and never lets a response be cached', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: factory.name });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('stores a pushed document and pulls it back exactly as sent', async () => {
    const doc = learner({ id: 'exact-1', birthDate: '2012-05-06' });
    const response = await push('learners', [newRow(doc)]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ conflicts: [], rejected: [] });
    const { documents } = await pull(0, 500);
    expect(documents.find((d) => d.id === 'exact-1')).toEqual(wire(doc));
  });

  it('treats a re-sent push as a success and stores it once', async () => {
    const doc = learner({ id: 'retry-1' });
    expect((await push('learners', [newRow(doc)])).json()).toEqual({ conflicts: [], rejected: [] });
    const before = await pull(0, 500);
    expect((await push('learners', [newRow(doc)])).json()).toEqual({ conflicts: [], rejected: [] });
    const after = await pull(0, 500);
    expect(after.checkpoint.seq).toBe(before.checkpoint.seq);
  });

  it('returns a real conflict with the stored state and changes nothing', async () => {
    const base = learner({ id: 'conflict-1', className: '7.a' });
    await push('learners', [newRow(base)]);
    const theirs = { ...base, className: '7.b' };
    await push('learners', [{ assumedMasterState: wire(base), newDocumentState: wire(theirs) }]);
    const mine = { ...base, className: '7.c' };
    const response = await push('learners', [{ assumedMasterState: wire(base), newDocumentState: wire(mine) }]);
    expect(response.json()).toEqual({ conflicts: [wire(theirs)], rejected: [] });
    expect((await stored('conflict-1'))?.data.className).toBe('7.b');
  });

  it('accepts an update whose assumed state matches regardless of key order', async () => {
    const base = learner({ id: 'order-1' });
    await push('learners', [newRow(base)]);
    const reordered = Object.fromEntries(Object.entries(wire(base)).reverse());
    const response = await push('learners', [
      { assumedMasterState: reordered, newDocumentState: wire({ ...base, className: '9.a' }) },
    ]);
    expect(response.json()).toEqual({ conflicts: [], rejected: [] });
    expect((await stored('order-1'))?.data.className).toBe('9.a');
  });

  it('keeps deletions as tombstones that pull like any change', async () => {
    const doc = learner({ id: 'gone-1' });
    await push('learners', [newRow(doc)]);
    const { checkpoint } = await pull(0, 500);
    await push('learners', [{ assumedMasterState: wire(doc), newDocumentState: wire(doc, true) }]);
    const { documents } = await pull(checkpoint.seq, 500);
    expect(documents).toEqual([wire(doc, true)]);
    expect(await stored('gone-1')).toMatchObject({ deleted: true });
  });

  it('honours the batch size exactly and pages by checkpoint without gaps or repeats', async () => {
    const docs = Array.from({ length: 23 }, (_, i) => learner({ id: `page-${String(i).padStart(2, '0')}` }));
    await push('learners', docs.map(newRow));
    const seen: string[] = [];
    let seq = 0;
    for (;;) {
      const batch = await pull(seq, 5);
      seen.push(...batch.documents.map((d) => d.id));
      if (batch.documents.length < 5) break;
      expect(batch.documents).toHaveLength(5);
      seq = batch.checkpoint.seq;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const doc of docs) expect(seen).toContain(doc.id);
  });

  it('tells a catching-up device how many documents it may still receive, and nothing of other schools', async () => {
    await ensureSchools(store, [{ id: 'school-2', municipalityId: 'muni-1' }]);
    const elsewhere = await createTestUser(store, ['teacher'], ['school-2']);
    const foreign = Array.from({ length: 7 }, (_, i) => learner({ id: `far-${i}`, schoolId: 'school-2' }));
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/learners/push',
      payload: foreign.map(newRow),
      headers: elsewhere.headers,
    });
    expect(pushed.statusCode).toBe(200);
    await push(
      'learners',
      Array.from({ length: 11 }, (_, i) => newRow(learner({ id: `count-${i}` }))),
    );

    const readable = (await pull(0, 500)).documents.length;
    type Counted = { documents: unknown[]; checkpoint: { seq: number; scope: string }; remaining: number };
    const counted = async (checkpoint: Counted['checkpoint'] | null, limit: number) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/sync/learners/pull?seq=${checkpoint?.seq ?? 0}&scope=${checkpoint?.scope ?? ''}&limit=${limit}&count=1`,
          headers: teacher.headers,
        })
      ).json<Counted>();
    let checkpoint: Counted['checkpoint'] | null = null;
    let received = 0;
    for (;;) {
      const batch = await counted(checkpoint, 4);
      received += batch.documents.length;
      expect(batch.remaining, `after ${received}`).toBe(readable - received);
      if (batch.documents.length < 4) break;
      checkpoint = batch.checkpoint;
    }
    expect(received).toBe(readable);
    // Without asking, no count is made.
    expect(await pull(0, 4)).not.toHaveProperty('remaining');
  });

  it.each([
    ['a wrong type', [newRow({ ...learner(), firstName: 42 })], 'firstName'],
    ['a missing field', [newRow({ ...learner(), schoolId: undefined })], 'schoolId'],
    ['a bad enum value', [newRow({ ...learner(), programme: 'university' })], 'programme'],
    ['a non-object document', [{ assumedMasterState: null, newDocumentState: 'drop table' }], '(document)'],
  ])('refuses %s with 400, naming the field, and stores nothing of the push', async (_, rows, field) => {
    const good = learner({ id: `innocent-${field}` });
    const response = await push('learners', [newRow(good), ...rows]);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: string; details: { row: number; path: string }[] }>();
    expect(body.error).toBe('invalid_document');
    expect(body.details[0]).toMatchObject({ row: 1, path: field });
    expect(await stored(good.id)).toBeUndefined();
  });

  it.each([
    ['an unknown collection', 'passwords', [], 404],
    ['a body that is not a list', 'learners', { rows: [] }, 400],
    ['too many rows', 'learners', Array.from({ length: 201 }, () => newRow(learner())), 400],
    [
      'a document pushed twice in one push',
      'learners',
      [newRow(learner({ id: 'twice' })), newRow(learner({ id: 'twice' }))],
      400,
    ],
  ])('answers %s with a clear 4xx', async (_, collection, body, status) => {
    const response = await push(collection, body);
    expect(response.statusCode).toBe(status);
    expect(response.json<{ message: string }>().message.length).toBeGreaterThan(5);
  });

  it('answers malformed JSON with 400 and a huge body with 413, never a 5xx', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/sync/learners/push',
      headers: { 'content-type': 'application/json', ...teacher.headers },
      payload: '[{"newDocumentState": ',
    });
    expect(malformed.statusCode).toBe(400);
    const huge = await app.inject({
      method: 'POST',
      url: '/api/sync/learners/push',
      headers: { 'content-type': 'application/json', ...teacher.headers },
      payload: JSON.stringify([newRow(learner({ firstName: 'x'.repeat(3 * 1024 * 1024) }))]),
    });
    expect(huge.statusCode).toBe(413);
    const badQuery = await app.inject({
      method: 'GET',
      url: '/api/sync/learners/pull?seq=-1&limit=abc',
      headers: teacher.headers,
    });
    expect(badQuery.statusCode).toBe(400);
  });

  it('answers unknown API paths with JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });
});
