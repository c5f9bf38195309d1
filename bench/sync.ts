/**
 * Sync throughput for a municipality's semester of consultations (20,000), through the real replication endpoints,
 * next to the same documents inserted straight into the database and moved as plain JSON over HTTP on the same
 * machine. Runs on PostgreSQL when BENCH_DATABASE_URL is set, otherwise on embedded PGlite.
 */
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app';
import { migrate } from '../src/server/migrations/migrate';
import { pgliteStore } from '../src/server/store/pgliteStore';
import { createPostgresStore } from '../src/server/store/postgresStore';
import type { Store } from '../src/server/store/store';
import { createTestUser, ensureSchools } from '../test/fixtures/accounts';

const COUNT = 20_000;
const PUSH_BATCH = 200;
const PULL_BATCH = 500;
/** Budget: the replication endpoints keep at least this share of what plain JSON over HTTP moves. */
const MIN_SHARE_OF_PLAIN_HTTP = 0.1;

async function openStore(): Promise<{ store: Store; name: string; close: () => Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_${Date.now()}`;
    const admin = createPostgresStore({ connectionString: url });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const store = createPostgresStore({ connectionString: url, options: `-c search_path=${schema}` });
    return {
      store,
      name: 'PostgreSQL',
      close: async () => {
        await store.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  }
  const store = pgliteStore(await PGlite.create());
  return { store, name: 'PGlite', close: () => store.close() };
}

function consultations(staffId: string) {
  const at = '2026-11-24T08:00:00.000Z';
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `bench-c-${i}`,
    schoolId: 'school-1',
    staffId,
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: '',
    date: `2026-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    attendees: [{ learnerId: `learner-${i % 600}`, attendance: 'attended' }],
    notes: 'Atkārtojām daļskaitļus; mājasdarbs 12. lpp.',
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  }));
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function benchSync() {
  const { store, name, close } = await openStore();
  await migrate(store);
  await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
  const teacher = await createTestUser(store, ['teacher'], ['school-1']);
  const docs = consultations(teacher.user.id);
  const app = await buildApp({ store, bodyLimit: 8 * 1024 * 1024 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const pushMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_BATCH) {
      const rows = docs.slice(i, i + PUSH_BATCH).map((d) => ({ assumedMasterState: null, newDocumentState: d }));
      const response = await fetch(`${url}/api/sync/consultations/push`, {
        method: 'POST',
        headers: { ...teacher.headers, 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      });
      if (!response.ok) throw new Error(`push ${response.status}: ${await response.text()}`);
      await response.json();
    }
  });

  let pulled = 0;
  const pullMs = await timed(async () => {
    let seq = 0;
    let scope = '';
    for (;;) {
      const response = await fetch(`${url}/api/sync/consultations/pull?seq=${seq}&limit=${PULL_BATCH}${scope}`, {
        headers: teacher.headers,
      });
      const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number; scope: string } };
      pulled += body.documents.length;
      seq = body.checkpoint.seq;
      scope = `&scope=${body.checkpoint.scope}`;
      if (body.documents.length < PULL_BATCH) break;
    }
  });
  if (pulled !== COUNT) throw new Error(`pulled ${pulled} of ${COUNT}`);
  await app.close();

  await store.query('CREATE TABLE bench_plain (id text PRIMARY KEY, data jsonb NOT NULL)');
  const insertMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_BATCH) {
      await store.query(
        `INSERT INTO bench_plain (id, data) SELECT d->>'id', d FROM jsonb_array_elements($1::jsonb) AS d`,
        [JSON.stringify(docs.slice(i, i + PUSH_BATCH))],
      );
    }
  });

  const plain = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  plain.post('/echo', async (request) => ({ received: (request.body as unknown[]).length }));
  plain.get<{ Querystring: { from: string } }>('/docs', async (request) => {
    const from = Number(request.query.from);
    return { documents: docs.slice(from, from + PULL_BATCH) };
  });
  const plainUrl = await plain.listen({ port: 0, host: '127.0.0.1' });
  const plainPostMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_BATCH) {
      const response = await fetch(`${plainUrl}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          docs.slice(i, i + PUSH_BATCH).map((d) => ({ assumedMasterState: null, newDocumentState: d })),
        ),
      });
      await response.json();
    }
  });
  const plainGetMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PULL_BATCH) await (await fetch(`${plainUrl}/docs?from=${i}`)).json();
  });
  await plain.close();
  await close();

  const push = perSecond(COUNT, pushMs);
  const pull = perSecond(COUNT, pullMs);
  const insert = perSecond(COUNT, insertMs);
  const post = perSecond(COUNT, plainPostMs);
  const get = perSecond(COUNT, plainGetMs);
  return {
    name: 'sync',
    lines: [
      `${COUNT} consultations on ${name}, batches of ${PUSH_BATCH} (push) and ${PULL_BATCH} (pull)`,
      `push ${push}/s · straight INSERT ${insert}/s (×${(push / insert).toFixed(2)}) · plain JSON POST ${post}/s (×${(push / post).toFixed(2)})`,
      `pull ${pull}/s · plain JSON GET ${get}/s (×${(pull / get).toFixed(2)})`,
      `budget: push and pull at least ×${MIN_SHARE_OF_PLAIN_HTTP} of plain JSON over HTTP`,
    ],
    withinBudget: push / post >= MIN_SHARE_OF_PLAIN_HTTP && pull / get >= MIN_SHARE_OF_PLAIN_HTTP,
  };
}
