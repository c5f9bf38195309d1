import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffEvent } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { loadMigrations, migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { wireDocumentSchema } from '../../src/sync/protocol';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-10-01T08:00:00.000Z';
const MIGRATION = '20261202110000_staff_events_v1';

describe.each(storeFactories)('staff events version 1 on $name: the stored events migrate', (factory) => {
  it('turns the count into others and the one day into both ends, keeping everything else', async () => {
    const { store, dispose } = await factory.create();
    try {
      const all = await loadMigrations();
      await migrate(
        store,
        all.filter((m) => m.id < MIGRATION),
      );
      const v0 = [
        {
          id: 'w',
          municipalityId: 'muni-1',
          schoolId: 'school-1',
          kind: 'workshop',
          title: 'Darbnīca',
          date: '2020-10-06',
          hours: 12,
          participants: 19,
        },
        {
          id: 's',
          municipalityId: 'muni-1',
          kind: 'supervision',
          title: 'Supervīzija',
          date: '2020-11-05',
          hours: 2,
          participants: 7,
        },
      ];
      for (const [i, doc] of v0.entries()) {
        await store.query(
          `INSERT INTO documents (collection, id, data, seq, school_id, municipality_id) VALUES ('staffevents', $1, $2, $3, $4, $5)`,
          [doc.id, { ...doc, createdAt: AT, updatedAt: AT }, i + 1, doc.schoolId ?? null, doc.municipalityId],
        );
      }
      await migrate(store, all);
      const rows = await store.query<{ id: string; data: Record<string, unknown>; seq: string | number }>(
        `SELECT id, data, seq FROM documents WHERE collection = 'staffevents' ORDER BY id DESC`,
      );
      expect(rows.map((r) => [r.id, Number(r.seq), r.data])).toEqual([
        [
          'w',
          1,
          {
            id: 'w',
            createdAt: AT,
            updatedAt: AT,
            municipalityId: 'muni-1',
            schoolId: 'school-1',
            kind: 'workshop',
            title: 'Darbnīca',
            provider: '',
            date: '2020-10-06',
            endDate: '2020-10-06',
            hours: 12,
            participantIds: [],
            otherParticipants: 19,
          },
        ],
        [
          's',
          2,
          {
            id: 's',
            createdAt: AT,
            updatedAt: AT,
            municipalityId: 'muni-1',
            kind: 'supervision',
            title: 'Supervīzija',
            provider: '',
            date: '2020-11-05',
            endDate: '2020-11-05',
            hours: 2,
            participantIds: [],
            otherParticipants: 7,
          },
        ],
      ]);
      for (const row of rows)
        expect(wireDocumentSchema('staffevents').safeParse({ ...row.data, _deleted: false }).success).toBe(true);
    } finally {
      await dispose();
    }
  });
});

let n = 0;
const event = (more: Partial<StaffEvent> = {}): StaffEvent => ({
  id: `event-${++n}`,
  createdAt: AT,
  updatedAt: AT,
  municipalityId: 'muni-1',
  schoolId: 'school-1',
  kind: 'workshop',
  title: 'Darbnīca',
  provider: 'Biedrība',
  date: '2026-10-06',
  endDate: '2026-10-06',
  hours: 12,
  participantIds: [],
  otherParticipants: 0,
  ...more,
});

describe.each(storeFactories)('staff events on the server on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const people = new Map<string, TestUser>();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'school-1', municipalityId: 'muni-1' },
      { id: 'school-2', municipalityId: 'muni-1' },
      { id: 'school-3', municipalityId: 'muni-2' },
    ]);
    const make = async (id: string, roles: TestUser['user']['roles'], schools: string[], extra = {}) =>
      people.set(id, await createTestUser(store, roles, schools, { id, ...extra }));
    await make('director1', ['director'], ['school-1']);
    await make('anna', ['teacher'], ['school-1']);
    await make('juris', ['teacher'], ['school-2']);
    await make('ilze', ['teacher'], ['school-3']);
    await make('closed', ['teacher'], ['school-1'], { active: false });
    await make('coord1', ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function push(person: string, rows: object[]) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/staffevents/push`,
      headers: people.get(person)!.headers,
      payload: rows,
    });
    return { status: response.statusCode, body: response.json<{ rejected?: { id: string; reason: string }[] }>() };
  }
  async function pulledIds(person: string): Promise<string[]> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/staffevents/pull?seq=0&limit=100`,
      headers: people.get(person)!.headers,
    });
    expect(response.statusCode).toBe(200);
    return response
      .json<{ documents: { id: string }[] }>()
      .documents.map((d) => d.id)
      .sort();
  }

  const schoolEvent = event({ id: 'school-workshop', participantIds: ['anna'], otherParticipants: 15 });
  const municipalEvent = event({
    id: 'municipal-supervision',
    schoolId: undefined,
    kind: 'supervision',
    participantIds: ['anna', 'juris'],
  });
  delete (municipalEvent as Partial<StaffEvent>).schoolId;

  it.each([
    ['the director: their school’s staff', 'director1', event({ participantIds: ['anna'] }), null],
    [
      'the director: a sibling school’s teacher',
      'director1',
      event({ participantIds: ['anna', 'juris'] }),
      'staffEventParticipantOutOfReach',
    ],
    [
      'the director: someone not in the directory',
      'director1',
      event({ participantIds: ['ghost'] }),
      'staffEventParticipantUnknown',
    ],
    [
      'the director: a closed account',
      'director1',
      event({ participantIds: ['closed'] }),
      'staffEventParticipantUnknown',
    ],
    [
      'the coordinator: another municipality’s teacher at a municipal event',
      'coord1',
      event({ schoolId: undefined, participantIds: ['juris', 'ilze'] }),
      'staffEventParticipantOutOfReach',
    ],
    [
      'the coordinator: a municipal event for two schools’ teachers and themselves',
      'coord1',
      event({ schoolId: undefined, participantIds: ['anna', 'juris', 'coord1'] }),
      null,
    ],
  ])('%s', async (_case, pusher, doc, reason) => {
    if (doc.schoolId === undefined) delete (doc as Partial<StaffEvent>).schoolId;
    const { status, body } = await push(pusher, [newRow(doc)]);
    expect(status).toBe(200);
    expect(body.rejected).toEqual(reason ? [{ id: doc.id, reason }] : []);
    const [stored] = await store.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM documents WHERE collection = 'staffevents' AND id = $1`,
      [doc.id],
    );
    expect(Number(stored?.n)).toBe(reason ? 0 : 1);
  });

  it('refuses an event that ends before it begins, storing nothing of the push', async () => {
    const good = event();
    const bad = event({ date: '2026-10-06', endDate: '2026-10-05' });
    const { status } = await push('director1', [newRow(good), newRow(bad)]);
    expect(status).toBe(400);
    const rows = await store.query(`SELECT id FROM documents WHERE id = ANY($1::text[])`, [[good.id, bad.id]]);
    expect(rows).toEqual([]);
  });

  it('lets an edit keep a participant whose account closed since', async () => {
    const kept = event({ participantIds: ['anna'] });
    expect((await push('director1', [newRow(kept)])).body.rejected).toEqual([]);
    await store.query(
      `UPDATE documents SET data = jsonb_set(data, '{active}', 'false'::jsonb) WHERE collection = 'users' AND id = 'anna'`,
    );
    try {
      const edited = { ...kept, title: 'Darbnīca (2. daļa)', updatedAt: '2026-10-02T08:00:00.000Z' };
      const { body } = await push('director1', [{ assumedMasterState: wire(kept), newDocumentState: wire(edited) }]);
      expect(body.rejected).toEqual([]);
    } finally {
      await store.query(
        `UPDATE documents SET data = jsonb_set(data, '{active}', 'true'::jsonb) WHERE collection = 'users' AND id = 'anna'`,
      );
    }
  });

  it('every participant reads the events they took part in, and no one outside the municipality does', async () => {
    expect((await push('director1', [newRow(schoolEvent)])).body.rejected).toEqual([]);
    expect((await push('coord1', [newRow(municipalEvent)])).body.rejected).toEqual([]);
    const [anna, juris, ilze] = await Promise.all(['anna', 'juris', 'ilze'].map(pulledIds));
    expect(anna).toEqual(expect.arrayContaining(['municipal-supervision', 'school-workshop']));
    expect(juris).toEqual(expect.arrayContaining(['municipal-supervision']));
    expect(ilze).toEqual([]);
  });
});
