import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compensation } from '../../src/domain';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import { createPostgresStore } from '../../src/server/store/postgresStore';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { learner, newRow } from '../fixtures/documents';

const root = new URL('../../', import.meta.url).pathname;
const baseUrl = process.env.TEST_DATABASE_URL;
const ROUNDS = 20;
const AT = '2026-11-25T10:00:00.000Z';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `tsx src/server/main.ts` as it runs in production, over the given PostgreSQL database. */
async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: join(root, 'test-results', 'no-app'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${log}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Two server processes over one PostgreSQL (issue 8.6 and 8.8): what one commits, the other's rule checks see, so
 * simultaneous capped compensations never pass a cap together, and one create sent to both is no conflict.
 */
describe('two server processes over one PostgreSQL', () => {
  let admin: pg.Client | undefined;
  let databaseName = '';
  let store: Store | undefined;
  let servers: { url: string; child: ChildProcess }[] = [];
  let keeper: TestUser;
  let teacher: TestUser;
  const learnerId = 'learner-two-processes';

  beforeAll(async () => {
    if (!baseUrl) return;
    databaseName = `two_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const url = new URL(baseUrl);
    url.pathname = `/${databaseName}`;
    store = createPostgresStore({ connectionString: url.toString(), max: 4 });
    await migrate(store);
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    keeper = await createTestUser(store, ['social_pedagogue'], ['school-1']);
    teacher = await createTestUser(store, ['teacher'], ['school-1']);
    await pushDocuments(store, 'learners', [newRow(learner({ id: learnerId, schoolId: 'school-1' }))]);
    servers = await Promise.all([startServer(url.toString()), startServer(url.toString())]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s.child)));
    await store?.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
  });

  const push = async (server: number, by: TestUser, collection: string, rows: unknown[]) => {
    const response = await fetch(`${servers[server]!.url}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { ...by.headers, 'content-type': 'application/json' },
      body: JSON.stringify(rows),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { conflicts: unknown[]; rejected: { reason: string }[] };
  };

  it.skipIf(!baseUrl)(
    `never lets two simultaneous 40 € meals, one to each process, through a 70 € cap (${ROUNDS} rounds)`,
    async () => {
      let exceeded = 0;
      let accepted = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const month = `20${String(10 + Math.floor(round / 12))}-${String((round % 12) + 1).padStart(2, '0')}`;
        const meal = (): Compensation => ({
          id: randomUUID(),
          createdAt: AT,
          updatedAt: AT,
          schoolId: 'school-1',
          learnerId,
          planId: '',
          category: 'meals',
          month,
          amountCents: 4000,
          status: 'requested',
          note: '',
        });
        const answers = await Promise.all(
          [0, 1].map((server) => push(server, keeper, 'compensations', [newRow(meal())])),
        );
        accepted += answers.filter((a) => a.rejected.length === 0).length;
        const [row] = await store!.query<{ total: string | number | null }>(
          `SELECT sum((data->>'amountCents')::int) AS total FROM documents
           WHERE collection = 'compensations' AND NOT deleted AND data->>'learnerId' = $1 AND data->>'month' = $2`,
          [learnerId, month],
        );
        if (Number(row?.total ?? 0) > 7000) exceeded++;
      }
      process.stdout.write(
        `two processes, capped meals: ${exceeded} of ${ROUNDS} rounds over the cap, ${accepted} accepted\n`,
      );
      expect(exceeded).toBe(0);
      expect(accepted).toBe(ROUNDS);
    },
    120_000,
  );

  it.skipIf(!baseUrl)(
    `answers one create sent to both processes at once with success from both (${ROUNDS} rounds)`,
    async () => {
      let conflicts = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const doc = learner({ id: randomUUID(), schoolId: 'school-1' });
        const answers = await Promise.all([0, 1].map((server) => push(server, teacher, 'learners', [newRow(doc)])));
        conflicts += answers.reduce((sum, a) => sum + a.conflicts.length + a.rejected.length, 0);
      }
      process.stdout.write(
        `two processes, identical creates: ${conflicts} conflicts or refusals in ${ROUNDS} rounds\n`,
      );
      expect(conflicts).toBe(0);
    },
    120_000,
  );
});
