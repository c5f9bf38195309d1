import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { ServerTimeouts } from '../../src/server/http/timeouts';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { learner, newRow } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

/** A raw connection that records what the server sends and when it closes. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  return {
    socket,
    closed,
    received: () => received,
    isOpen: () => !socket.destroyed && socket.readyState === 'open',
    ready: new Promise<void>((resolve) => socket.on('connect', () => resolve())),
  };
}

/** Headers announcing a 1,000-byte push body, then half of it, then nothing. */
function sendHalfABody(client: ReturnType<typeof rawClient>, token: string) {
  client.socket.write(
    'POST /api/sync/learners/push HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\n' +
      `authorization: Bearer ${token}\r\ncontent-length: 1000\r\n\r\n` +
      '['.padEnd(500, ' '),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Fails the test rather than hanging it when the server never closes. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`still open after ${ms} ms`)))]);

describe('timeouts against a client that stops sending', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let teacher: TestUser;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    ({ store, dispose } = await storeFactories[0]!.create());
    await migrate(store);
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    teacher = await createTestUser(store, ['teacher'], ['school-1']);
  });
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });
  afterAll(async () => dispose?.());

  /** A listening server with short timeouts; its port. */
  async function server(timeouts: Partial<ServerTimeouts>) {
    const app: FastifyInstance = await buildApp({ store, timeouts });
    cleanup.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    return { port: typeof address === 'object' && address ? address.port : 0 };
  }

  it('closes a connection whose body stalls, once it has been idle for the idle timeout', async () => {
    const { port } = await server({ idleMs: 400, requestMs: 60_000 });
    const client = rawClient(port);
    cleanup.push(async () => client.socket.destroy());
    await client.ready;
    const started = Date.now();
    sendHalfABody(client, teacher.token);
    const closedAt = await within(client.closed, 5_000);
    expect(closedAt - started).toBeGreaterThanOrEqual(350);
  });

  it('closes a connection whose body trickles in slower than the request timeout allows', async () => {
    const { port } = await server({ idleMs: 60_000, requestMs: 600 });
    const client = rawClient(port);
    cleanup.push(async () => client.socket.destroy());
    await client.ready;
    const started = Date.now();
    sendHalfABody(client, teacher.token);
    // A byte now and then keeps the socket busy, so only the whole-request limit can end it.
    const trickle = setInterval(() => client.isOpen() && client.socket.write(' '), 100);
    cleanup.push(async () => clearInterval(trickle));
    const closedAt = await within(client.closed, 5_000);
    expect(closedAt - started).toBeGreaterThanOrEqual(550);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps a live stream open well past the request timeout, and it still delivers', async () => {
    const { port } = await server({ idleMs: 60_000, requestMs: 300 });
    const stream = rawClient(port);
    cleanup.push(async () => stream.socket.destroy());
    await stream.ready;
    stream.socket.write(
      `GET /api/sync/stream HTTP/1.1\r\nHost: localhost\r\nauthorization: Bearer ${teacher.token}\r\n\r\n`,
    );
    await sleep(1_500);
    expect(stream.isOpen()).toBe(true);
    expect(stream.received()).toContain('data: RESYNC');
    const push = await fetch(`http://127.0.0.1:${port}/api/sync/learners/push`, {
      method: 'POST',
      headers: { ...teacher.headers, 'content-type': 'application/json' },
      body: JSON.stringify([newRow(learner())]),
    });
    expect(push.status).toBe(200);
    await sleep(200);
    expect(stream.received()).toContain('data: {"collection":"learners"}');
  });
});
