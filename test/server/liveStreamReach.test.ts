import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { localChangeFeed, postgresChangeFeed } from '../../src/server/live/changeFeed';
import { SESSION_CHECK_MS } from '../../src/server/live/streamHub';
import { migrate } from '../../src/server/migrations/migrate';
import { createPostgresStore } from '../../src/server/store/postgresStore';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { documentIn, type Placement } from '../fixtures/scopedDocuments';
import { listening, openStream } from '../fixtures/sseClient';
import { storeFactories } from '../fixtures/stores';

type Doc = Record<string, unknown>;
const SCHOOLS = [
  { id: 'school-1', municipalityId: 'muni-1' },
  { id: 'school-2', municipalityId: 'muni-2' },
];

async function push(url: string, user: TestUser, collection: CollectionName, previous: Doc | null, next: Doc) {
  const response = await fetch(`${url}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { ...user.headers, 'content-type': 'application/json' },
    body: JSON.stringify([{ assumedMasterState: previous, newDocumentState: next }]),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ conflicts: [], rejected: [] });
}

let n = 0;
const placed = (collection: CollectionName, at: Omit<Placement, 'id'>) =>
  documentIn(collection, { id: `${collection}-live-${++n}`, ...at });
const IN_1 = { schoolId: 'school-1', municipalityId: 'muni-1' };
const IN_2 = { schoolId: 'school-2', municipalityId: 'muni-2' };

/** Each stream hears only of changes it may read, or that left its reach; it ends with its session. */
describe.each(storeFactories)('what a live stream hears, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let teacher1: TestUser;
  let teacher2: TestUser;
  let psych1: TestUser;
  let author: TestUser;
  let director: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    await ensureSchools(store, SCHOOLS);
    teacher1 = await createTestUser(store, ['teacher'], ['school-1']);
    teacher2 = await createTestUser(store, ['teacher'], ['school-2']);
    psych1 = await createTestUser(store, ['psychologist'], ['school-1']);
    author = await createTestUser(store, ['psychologist'], ['school-1']);
    director = await createTestUser(store, ['director'], ['school-1', 'school-2']);
    admin = await createTestUser(store, ['administrator'], []);
    app = await buildApp({ store, feed: localChangeFeed() });
    url = await listening(app);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it("a teacher's stream does not hear another author's note; the support team hears it once shared", async () => {
    const teacherStream = await openStream(url, teacher1);
    const teamStream = await openStream(url, psych1);
    expect(await teacherStream.next()).toBe('RESYNC');
    expect(await teamStream.next()).toBe('RESYNC');
    const note = placed('notes', { ...IN_1, authorId: author.user.id, shared: false });
    await push(url, author, 'notes', null, note);
    const shared = { ...note, sharedWithSupportTeam: true, updatedAt: '2026-10-01T08:00:00.000Z' };
    await push(url, author, 'notes', note, shared);
    await push(url, teacher1, 'learners', null, placed('learners', IN_1));
    // Events arrive in commit order: the first a stream hears is the first change it may read.
    expect(JSON.parse(await teacherStream.next())).toEqual({ collection: 'learners' });
    expect(JSON.parse(await teamStream.next())).toEqual({ collection: 'notes' });
    expect(JSON.parse(await teamStream.next())).toEqual({ collection: 'learners' });
    teacherStream.close();
    teamStream.close();
  });

  it('a stream hears a departure that concerns it, and the other school does not hear the first state', async () => {
    const former = await openStream(url, teacher1);
    const other = await openStream(url, teacher2);
    expect(await former.next()).toBe('RESYNC');
    expect(await other.next()).toBe('RESYNC');
    const learner = placed('learners', IN_1);
    await push(url, director, 'learners', null, learner);
    expect(JSON.parse(await former.next())).toEqual({ collection: 'learners' });
    await push(url, teacher2, 'consultations', null, placed('consultations', { ...IN_2, authorId: teacher2.user.id }));
    // School 2 heard nothing of the learner while it was in school 1: its first event is its own consultation.
    expect(JSON.parse(await other.next())).toEqual({ collection: 'consultations' });
    await push(url, director, 'learners', learner, { ...learner, schoolId: 'school-2' });
    expect(JSON.parse(await former.next())).toEqual({ collection: 'learners' });
    expect(JSON.parse(await other.next())).toEqual({ collection: 'learners' });
    await push(url, teacher1, 'consultations', null, placed('consultations', { ...IN_1, authorId: teacher1.user.id }));
    expect(JSON.parse(await former.next())).toEqual({ collection: 'consultations' });
    former.close();
    other.close();
  });

  it("follows the person's reach when their directory entry changes", async () => {
    const moving = await createTestUser(store, ['teacher'], ['school-1']);
    const stream = await openStream(url, moving);
    expect(await stream.next()).toBe('RESYNC');
    const patch = await fetch(`${url}/api/users/${moving.user.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ schoolIds: ['school-2'] }),
    });
    expect(patch.status).toBe(200);
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'users' });
    await push(url, director, 'learners', null, placed('learners', IN_1));
    await push(url, director, 'consultations', null, placed('consultations', { ...IN_2, authorId: director.user.id }));
    // The learner of the school left is not heard of; the consultation in the new school is.
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'consultations' });
    stream.close();
  });

  it("follows a coordinator's reach when a school joins their municipality", async () => {
    await ensureSchools(store, [{ id: 'school-joining', municipalityId: 'muni-2' }]);
    const coordinator = await createTestUser(store, ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
    const stream = await openStream(url, coordinator);
    expect(await stream.next()).toBe('RESYNC');
    const [row] = await store.query<{ data: Doc }>(`SELECT data FROM documents WHERE id = 'school-joining'`);
    const school = { ...row!.data, _deleted: false };
    await push(url, admin, 'schools', school, { ...school, municipalityId: 'muni-1' });
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'schools' });
    const staff = await createTestUser(store, ['teacher'], ['school-joining']);
    await push(url, staff, 'consultations', null, {
      ...placed('consultations', { schoolId: 'school-joining', municipalityId: 'muni-1' }),
      staffId: staff.user.id,
    });
    expect(JSON.parse(await stream.next())).toEqual({ collection: 'consultations' });
    stream.close();
  });

  it('ends the stream of a disabled account at once, and of a signed-out session within seconds', async () => {
    const disabled = await createTestUser(store, ['teacher'], ['school-1']);
    const signedOut = await createTestUser(store, ['teacher'], ['school-1']);
    const disabledStream = await openStream(url, disabled);
    const signedOutStream = await openStream(url, signedOut);
    const bystander = await openStream(url, teacher1);
    for (const s of [disabledStream, signedOutStream, bystander]) expect(await s.next()).toBe('RESYNC');

    const disable = await fetch(`${url}/api/users/${disabled.user.id}/active`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(disable.status).toBe(200);
    await disabledStream.ended(10_000);
    const logout = await fetch(`${url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: signedOut.refreshToken }),
    });
    expect(logout.status).toBe(204);
    await signedOutStream.ended(SESSION_CHECK_MS * 3);
    // The others' streams go on: a colleague hears that the disabled person's directory entry changed.
    expect(JSON.parse(await bystander.next())).toEqual({ collection: 'users' });
    await push(url, teacher1, 'learners', null, placed('learners', IN_1));
    expect(JSON.parse(await bystander.next())).toEqual({ collection: 'learners' });
    bystander.close();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('live streams across two server processes (PostgreSQL)', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('a departure pushed to one process reaches its former reader on the other, not a stranger; disable ends it', async () => {
    const factory = storeFactories.find((f) => f.name === 'postgres')!;
    const { store, dispose } = await factory.create();
    cleanup.push(dispose);
    await migrate(store);
    await ensureSchools(store, [...SCHOOLS, { id: 'school-3', municipalityId: 'muni-3' }]);
    const teacher1 = await createTestUser(store, ['teacher'], ['school-1']);
    const stranger = await createTestUser(store, ['teacher'], ['school-3']);
    const director = await createTestUser(store, ['director'], ['school-1', 'school-2']);
    const admin = await createTestUser(store, ['administrator'], []);
    const [schema] = await store.query<{ schema: string }>('SELECT current_schema() AS schema');
    const options = `-c search_path=${schema!.schema}`;
    const databaseUrl = process.env.TEST_DATABASE_URL!;
    const servers = await Promise.all(
      [0, 1].map(async () => {
        const own = createPostgresStore({ connectionString: databaseUrl, options });
        const app = await buildApp({ store: own, feed: await postgresChangeFeed(databaseUrl, options) });
        cleanup.push(async () => {
          await app.close();
          await own.close();
        });
        return listening(app);
      }),
    );
    const learner = placed('learners', IN_1);
    await push(servers[0]!, director, 'learners', null, learner);
    const former = await openStream(servers[1]!, teacher1);
    const strangers = await openStream(servers[1]!, stranger);
    cleanup.push(async () => strangers.close());
    expect(await former.next()).toBe('RESYNC');
    expect(await strangers.next()).toBe('RESYNC');
    await push(servers[0]!, director, 'learners', learner, { ...learner, schoolId: 'school-2' });
    expect(JSON.parse(await former.next())).toEqual({ collection: 'learners' });
    await push(
      servers[0]!,
      stranger,
      'learners',
      null,
      placed('learners', { schoolId: 'school-3', municipalityId: 'muni-3' }),
    );
    // The stranger's first event is its own school's learner, not the departure in school 1.
    expect(JSON.parse(await strangers.next())).toEqual({ collection: 'learners' });

    const disable = await fetch(`${servers[0]}/api/users/${teacher1.user.id}/active`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(disable.status).toBe(200);
    await former.ended(10_000);
  });
});
