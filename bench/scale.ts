/**
 * The server at the state's scale (issue 14): two server processes over one PostgreSQL, as behind a load balancer,
 * with 1,000 devices syncing at once at a bounded rate (each pushes a consultation and pulls what changed every
 * DEVICE_PERIOD_MS, spread evenly), then 5,000 idle live streams. Loopback only. Measured: push latency p99, errors,
 * each process's resident memory with the streams open, and pushes per second against the one sequence lock as
 * concurrent writers grow. Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL); it creates and drops a
 * database of its own, so LISTEN/NOTIFY of other runs never mixes with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { migrate } from '../src/server/migrations/migrate';
import { hashPassword } from '../src/server/auth/passwords';
import { startSession } from '../src/server/auth/sessions';
import { pushDocuments } from '../src/server/replication/documents';
import { createPostgresStore } from '../src/server/store/postgresStore';
import type { Store } from '../src/server/store/store';
import type { BenchResult } from './figures';

const DEVICES = 1_000;
const SCHOOLS = 100;
const MUNICIPALITIES = 10;
const DEVICE_PERIOD_MS = 20_000;
const LOAD_MS = 40_000;
const STREAMS = 5_000;
const P99_BUDGET_MS = 200;
const RSS_BUDGET_MB = 500;
const AT = '2026-09-01T08:00:00.000Z';

interface Device {
  userId: string;
  schoolId: string;
  authorization: string;
  base: string;
  seq: number;
  scope: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port'))));
    });
  });
}

/** A server process as `npm run serve` starts it, on PostgreSQL; resolves once it listens. */
async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

const residentMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

/** Schools, and a teacher per device with a session, written in bulk (one password hash for all). */
async function seed(store: Store, ports: number[]): Promise<Device[]> {
  await pushDocuments(
    store,
    'municipalities',
    Array.from({ length: MUNICIPALITIES }, (_, m) => ({
      assumedMasterState: null,
      newDocumentState: { id: `muni-${m}`, name: `Novads ${m}`, createdAt: AT, updatedAt: AT, _deleted: false },
    })),
  );
  await pushDocuments(
    store,
    'schools',
    Array.from({ length: SCHOOLS }, (_, s) => ({
      assumedMasterState: null,
      newDocumentState: {
        id: `school-${s}`,
        name: `Skola ${s}`,
        kind: 'general',
        municipalityId: `muni-${s % MUNICIPALITIES}`,
        stateFounded: false,
        createdAt: AT,
        updatedAt: AT,
        _deleted: false,
      },
    })),
  );
  await pushDocuments(
    store,
    'learners',
    Array.from({ length: SCHOOLS }, (_, s) => ({
      assumedMasterState: null,
      newDocumentState: {
        id: `learner-${s}`,
        schoolId: `school-${s}`,
        firstName: 'Anna',
        lastName: `Skolniece ${s}`,
        className: '7.a',
        programme: 'general',
        guardians: [],
        archived: false,
        createdAt: AT,
        updatedAt: AT,
        _deleted: false,
      },
    })),
  );
  const hash = await hashPassword('bench-password-not-used');
  const devices: Device[] = [];
  for (let from = 0; from < DEVICES; from += 200) {
    const ids = Array.from({ length: Math.min(200, DEVICES - from) }, (_, i) => from + i);
    await pushDocuments(
      store,
      'users',
      ids.map((i) => ({
        assumedMasterState: null,
        newDocumentState: {
          id: `teacher-${i}`,
          username: `teacher-${i}`,
          displayName: `Skolotājs ${i}`,
          roles: ['teacher'],
          specialistRoles: [],
          subjects: ['maths'],
          schoolIds: [`school-${i % SCHOOLS}`],
          active: true,
          createdAt: AT,
          updatedAt: AT,
          _deleted: false,
        },
      })),
    );
    await store.query(
      `INSERT INTO accounts (user_id, username, password_hash) SELECT id, id, $2 FROM unnest($1::text[]) AS id`,
      [ids.map((i) => `teacher-${i}`), hash],
    );
    for (const i of ids) {
      const tokens = await startSession(store, `teacher-${i}`);
      devices.push({
        userId: `teacher-${i}`,
        schoolId: `school-${i % SCHOOLS}`,
        authorization: `Bearer ${tokens.accessToken}`,
        base: `http://127.0.0.1:${ports[i % ports.length]}`,
        seq: 0,
        scope: '',
      });
    }
  }
  return devices;
}

let consultationNo = 0;
function consultation(device: Device) {
  const at = new Date().toISOString();
  return {
    id: `scale-${device.userId}-${++consultationNo}`,
    schoolId: device.schoolId,
    staffId: device.userId,
    updatedBy: device.userId,
    staffRole: 'subject_teacher',
    subject: 'maths',
    planId: '',
    date: '2026-11-24',
    startTime: '14:00',
    minutes: 40,
    mode: 'in_person',
    attendees: [{ learnerId: `learner-${device.schoolId.slice('school-'.length)}`, attendance: 'attended' }],
    notes: '',
    createdAt: at,
    updatedAt: at,
    _deleted: false,
  };
}

/** One sync round of a device: push one new consultation, then pull consultations from its checkpoint. */
async function syncRound(device: Device, pushTimes: number[], errors: string[]) {
  const headers = { authorization: device.authorization, 'content-type': 'application/json' };
  const started = performance.now();
  const push = await fetch(`${device.base}/api/sync/consultations/push`, {
    method: 'POST',
    headers,
    body: JSON.stringify([{ assumedMasterState: null, newDocumentState: consultation(device) }]),
  }).catch((error: unknown) => error as Error);
  if (push instanceof Error || !push.ok) {
    errors.push(push instanceof Error ? push.message : `push ${push.status}: ${await push.text()}`);
    return;
  }
  const answer = (await push.json()) as { rejected: unknown[] };
  pushTimes.push(performance.now() - started);
  if (answer.rejected.length) errors.push(`refused: ${JSON.stringify(answer.rejected)}`);
  const scope = device.scope ? `&scope=${device.scope}` : '';
  const pull = await fetch(`${device.base}/api/sync/consultations/pull?seq=${device.seq}&limit=500${scope}`, {
    headers: { authorization: device.authorization },
  }).catch((error: unknown) => error as Error);
  if (pull instanceof Error || !pull.ok) {
    errors.push(pull instanceof Error ? pull.message : `pull ${pull.status}`);
    return;
  }
  const body = (await pull.json()) as { checkpoint: { seq: number; scope: string } };
  device.seq = body.checkpoint.seq;
  device.scope = body.checkpoint.scope;
}

/** Every device syncs once per period, each at its own offset in it: a steady, bounded load. */
async function steadyLoad(devices: Device[]) {
  const pushTimes: number[] = [];
  const errors: string[] = [];
  const running: Promise<void>[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    devices.forEach((device, i) => {
      const offset = (i / devices.length) * DEVICE_PERIOD_MS;
      const tick = () => {
        if (performance.now() - start > LOAD_MS) return;
        running.push(syncRound(device, pushTimes, errors));
        setTimeout(tick, DEVICE_PERIOD_MS);
      };
      setTimeout(tick, offset);
    });
    setTimeout(resolve, LOAD_MS);
  });
  await Promise.all(running);
  return { pushTimes, errors };
}

/** Pushes as fast as `writers` devices can, each waiting for its answer, for a few seconds: docs per second. */
async function saturated(devices: Device[], writers: number): Promise<number> {
  let pushes = 0;
  const until = performance.now() + 4_000;
  await Promise.all(
    devices.slice(0, writers).map(async (device) => {
      while (performance.now() < until) {
        await syncRound(device, [], []);
        pushes++;
      }
    }),
  );
  return pushes / 4;
}

/** Opens an idle live stream and resolves once its first event (RESYNC) arrived. */
function openStream(device: Device, sockets: http.ClientRequest[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${device.base}/api/sync/stream`, {
      headers: { authorization: device.authorization, accept: 'text/event-stream' },
      agent: false,
    });
    request.on('response', (response) => {
      if (response.statusCode !== 200) reject(new Error(`stream ${response.statusCode}`));
      response.once('data', () => resolve());
    });
    request.on('error', reject);
    sockets.push(request);
  });
}

const percentile = (times: number[], p: number) => {
  const sorted = times.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? NaN;
};

export async function benchScale(): Promise<BenchResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const name = `bench_scale_${Date.now().toString(36)}`;
  const admin = createPostgresStore({ connectionString: url });
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const store = createPostgresStore({ connectionString: databaseUrl });
  const servers: ChildProcess[] = [];
  const sockets: http.ClientRequest[] = [];
  try {
    await migrate(store);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) servers.push(await startServer(databaseUrl, port));
    const devices = await seed(store, ports);

    const { pushTimes, errors } = await steadyLoad(devices);
    const writers = [1, 8, 32].map((n) => ({ n, rate: 0 }));
    for (const w of writers) w.rate = await saturated(devices, w.n);

    for (let i = 0; i < STREAMS; i += 250) {
      await Promise.all(
        Array.from({ length: Math.min(250, STREAMS - i) }, (_, k) =>
          openStream(devices[(i + k) % devices.length]!, sockets),
        ),
      );
    }
    const rss = servers.map((s) => residentMb(s.pid ?? 0));
    const p99 = percentile(pushTimes, 0.99);
    return {
      name: 'scale',
      context: [
        `two server processes over PostgreSQL; ${DEVICES.toLocaleString('en')} devices in ${SCHOOLS} schools, each pushing and pulling once every ${DEVICE_PERIOD_MS / 1000} s for ${LOAD_MS / 1000} s (${((DEVICES / DEVICE_PERIOD_MS) * 1000).toFixed(0)} pushes/s in all): ${pushTimes.length.toLocaleString('en')} pushes, p50 ${percentile(pushTimes, 0.5).toFixed(0)} ms, ${errors.length} errors${errors.length ? ` (first: ${errors[0]})` : ''}`,
        `one sequence lock, writers pushing as fast as answers come: ${writers.map((w) => `${w.n} → ${w.rate.toFixed(0)}/s`).join(', ')}`,
        `${STREAMS.toLocaleString('en')} idle live streams open: ${rss.map((mb) => `${mb.toFixed(0)} MB`).join(' and ')} resident`,
      ],
      figures: [
        {
          what: `push p99, ${DEVICES.toLocaleString('en')} devices syncing`,
          measured: p99,
          unit: 'ms',
          budget: { value: P99_BUDGET_MS },
          goal: 'issue 14',
        },
        { what: 'errors under load', measured: errors.length, unit: '', budget: { value: 0 }, goal: 'issue 14' },
        {
          what: `resident memory per process, ${STREAMS.toLocaleString('en')} streams`,
          measured: Math.max(...rss),
          unit: 'MB',
          budget: { value: RSS_BUDGET_MB },
          goal: 'issue 14',
        },
      ],
    };
  } finally {
    for (const socket of sockets) socket.destroy();
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(
      servers.map((s) => new Promise((resolve) => (s.exitCode !== null ? resolve(null) : s.once('exit', resolve)))),
    );
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}
