/**
 * Sync throughput for a municipality's semester of consultations (20,000), through the real replication endpoints
 * and in the shape the app uses them (its push and pull batch sizes; the remaining count asked when its tracker asks),
 * next to the floors: the same documents inserted straight into the database, and moved as plain JSON over HTTP on
 * the same machine in the largest batches the server takes. Runs on PostgreSQL when BENCH_DATABASE_URL (or else
 * TEST_DATABASE_URL) is set, otherwise on embedded PGlite.
 */
import { get } from 'node:http';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { registerCompression } from '../src/server/http/compression';
import { migrate } from '../src/server/migrations/migrate';
import { PULL_MAX_BATCH, PUSH_MAX_ROWS } from '../src/sync/protocol';
import { PULL_BATCH_SIZE, PUSH_BATCH_SIZE } from '../src/sync/replication';
import { CatchUpTracker } from '../src/sync/catchUp';
import { createTestUser, ensureSchools } from '../test/fixtures/accounts';
import { openBenchStore } from './benchStore';
import type { BenchResult } from './figures';

const COUNT = 20_000;
/** Issue 14: a push keeps at least ×0.6 of plain POST's rate, a pull ×0.75 of plain GET's (as times: ≤ 1/share). */
const PUSH_SHARE_OF_PLAIN_POST = 0.6;
const PULL_SHARE_OF_PLAIN_GET = 0.75;

/** A few lines a teacher might write after a session: notes differ from session to session, as real ones do. */
const TOPICS = ['daļskaitļus', 'procentus', 'vienādojumus', 'laukumus', 'lasītprasmi', 'vārdu krājumu', 'ģeogrāfiju'];
const HOMEWORK = ['12. lpp. 3.–5. uzd.', 'darba lapa', 'atkārtot noteikumus', 'nav uzdots', 'tests nākamnedēļ'];

/**
 * A school's semester of consultations as the app writes them: random ids (UUIDs, as devices make them), 600
 * learners, notes that vary. Repeated ids and one sentence everywhere would compress a pull page fiftyfold, which no
 * real page does.
 */
function consultations(staffId: string) {
  const at = '2026-11-24T08:00:00.000Z';
  const learners = Array.from({ length: 600 }, () => crypto.randomUUID());
  return Array.from({ length: COUNT }, (_, i) => ({
    id: crypto.randomUUID(),
    schoolId: 'school-1',
    staffId,
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: '',
    date: `2026-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    attendees: [{ learnerId: learners[(i * 7) % 600]!, attendance: 'attended' }],
    notes:
      `Atkārtojām ${TOPICS[i % TOPICS.length]}; ${i % 3 === 0 ? 'strādāja patstāvīgi' : 'vajadzēja palīdzību'}, ` +
      `${1 + (i % 9)} uzdevumi pareizi. Mājasdarbs: ${HOMEWORK[(i * 5) % HOMEWORK.length]}.`,
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  }));
}

/** What Chromium asks for on every request: the answers come as brotli where the server compresses them. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';
/** A first sync on a slow link is bound by bytes: pull pages on the wire at most this share of their JSON. */
const WIRE_SHARE_OF_JSON = 0.35;

/** The bytes of one answer as they travel (before the client decompresses), with this Accept-Encoding. */
function bytesOnWire(url: string, headers: Record<string, string>, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { ...headers, 'accept-encoding': encoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    }).on('error', reject);
  });
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en');

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function benchSync(): Promise<BenchResult> {
  const { store, name, close } = await openBenchStore('bench');
  await migrate(store);
  await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
  const teacher = await createTestUser(store, ['teacher'], ['school-1']);
  const docs = consultations(teacher.user.id);
  const app = await buildApp({ store, bodyLimit: 8 * 1024 * 1024 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const pushMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_BATCH_SIZE) {
      const rows = docs.slice(i, i + PUSH_BATCH_SIZE).map((d) => ({ assumedMasterState: null, newDocumentState: d }));
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
  const pages: string[] = [];
  const pullMs = await timed(async () => {
    let seq = 0;
    let scope = '';
    // Asks the server to count when the app's own tracker would (a first sync: once, at the first pull).
    const tracker = new CatchUpTracker(() => {});
    for (;;) {
      const count = tracker.shouldCount('consultations', seq > 0) ? '&count=1' : '';
      const query = `seq=${seq}&limit=${PULL_BATCH_SIZE}${scope}${count}`;
      pages.push(`${url}/api/sync/consultations/pull?${query}`);
      const response = await fetch(pages.at(-1)!, {
        headers: { ...teacher.headers, 'accept-encoding': BROWSER_ENCODINGS },
      });
      if (!response.ok) throw new Error(`pull ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as {
        documents: unknown[];
        checkpoint: { seq: number; scope: string };
        remaining?: number;
      };
      pulled += body.documents.length;
      const full = body.documents.length >= PULL_BATCH_SIZE;
      tracker.record('consultations', body.documents.length, body.remaining, full);
      seq = body.checkpoint.seq;
      scope = `&scope=${body.checkpoint.scope}`;
      if (body.documents.length < PULL_BATCH_SIZE) break;
    }
  });
  if (pulled !== COUNT) throw new Error(`pulled ${pulled} of ${COUNT}`);
  let jsonBytes = 0;
  let wireBytes = 0;
  for (const page of pages) {
    jsonBytes += await bytesOnWire(page, teacher.headers, 'identity');
    wireBytes += await bytesOnWire(page, teacher.headers, BROWSER_ENCODINGS);
  }
  await app.close();

  await store.query('CREATE TABLE bench_plain (id text PRIMARY KEY, data jsonb NOT NULL)');
  const insertMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_MAX_ROWS) {
      await store.query(
        `INSERT INTO bench_plain (id, data) SELECT d->>'id', d FROM jsonb_array_elements($1::jsonb) AS d`,
        [JSON.stringify(docs.slice(i, i + PUSH_MAX_ROWS))],
      );
    }
  });

  // The plain server compresses as the app's does: the floor is the same bytes moved plainly.
  const plain = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  await registerCompression(plain);
  plain.post('/echo', async (request) => ({ received: (request.body as unknown[]).length }));
  plain.get<{ Querystring: { from: string } }>('/docs', async (request) => {
    const from = Number(request.query.from);
    return { documents: docs.slice(from, from + PULL_MAX_BATCH) };
  });
  const plainUrl = await plain.listen({ port: 0, host: '127.0.0.1' });
  const plainPostMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PUSH_MAX_ROWS) {
      const response = await fetch(`${plainUrl}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          docs.slice(i, i + PUSH_MAX_ROWS).map((d) => ({ assumedMasterState: null, newDocumentState: d })),
        ),
      });
      await response.json();
    }
  });
  const plainGetMs = await timed(async () => {
    for (let i = 0; i < COUNT; i += PULL_MAX_BATCH)
      await (await fetch(`${plainUrl}/docs?from=${i}`, { headers: { 'accept-encoding': BROWSER_ENCODINGS } })).json();
  });
  await plain.close();
  await close();

  return {
    name: 'sync',
    context: [
      `${COUNT.toLocaleString('en')} consultations on ${name}; the app's batches: push ${PUSH_BATCH_SIZE}, pull ${PULL_BATCH_SIZE}, counted as the app asks; plain HTTP in the server's largest (${PUSH_MAX_ROWS} / ${PULL_MAX_BATCH})`,
      `push ${perSecond(COUNT, pushMs)}/s, straight INSERT ${perSecond(COUNT, insertMs)}/s (push ×${(pushMs / insertMs).toFixed(2)} of its time), plain POST ${perSecond(COUNT, plainPostMs)}/s`,
      `pull ${perSecond(COUNT, pullMs)}/s, plain GET ${perSecond(COUNT, plainGetMs)}/s (both brotli, as a browser asks)`,
      `pull on the wire: ${(wireBytes / 1e6).toFixed(2)} MB for ${(jsonBytes / 1e6).toFixed(2)} MB of JSON; at 1 Mbit/s ` +
        `${((wireBytes * 8) / 1e6).toFixed(0)} s instead of ${((jsonBytes * 8) / 1e6).toFixed(0)} s`,
    ],
    figures: [
      {
        what: `push ${COUNT.toLocaleString('en')} documents`,
        measured: pushMs,
        unit: 'ms',
        floor: { what: 'plain JSON POST', value: plainPostMs },
        budget: { ratio: 1 / PUSH_SHARE_OF_PLAIN_POST },
        goal: `issue 14: ≥ ×${PUSH_SHARE_OF_PLAIN_POST} of plain POST's rate on PostgreSQL`,
      },
      {
        what: `pull ${COUNT.toLocaleString('en')} documents as the app does`,
        measured: pullMs,
        unit: 'ms',
        floor: { what: 'plain JSON GET', value: plainGetMs },
        budget: { ratio: 1 / PULL_SHARE_OF_PLAIN_GET },
        goal: `issue 14: ≥ ×${PULL_SHARE_OF_PLAIN_GET} of plain GET's rate`,
      },
      {
        what: `pull ${COUNT.toLocaleString('en')} documents, bytes on the wire`,
        measured: wireBytes / 1024,
        unit: 'KB',
        floor: { what: 'their JSON', value: jsonBytes / 1024 },
        budget: { ratio: WIRE_SHARE_OF_JSON },
        goal: 'issue 14: fast where the network is poor (a first sync is bound by bytes there)',
      },
    ],
  };
}
