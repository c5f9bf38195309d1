import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndirectWork } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-10-01T08:00:00.000Z';

let n = 0;
/** A month's indirect work of the accountant at school-1 unless told otherwise. */
const work = (more: Partial<IndirectWork> = {}): IndirectWork => ({
  id: `indirect-${++n}`,
  createdAt: AT,
  updatedAt: AT,
  kind: 'indirect',
  municipalityId: 'muni-1',
  schoolId: 'school-1',
  staffId: 'liga',
  month: '2026-10',
  minutes: 600,
  what: 'Kompensāciju aprēķins un izmaksa',
  ...more,
});

/**
 * Indirect work on the server (issue 11), expectations written from the rule in words (permissions.ts): a staff
 * member of the school records their own month, its school coordinator anyone's there; the record is about a real,
 * active staff member of that school, in the school's municipality; it is read within its school by that person and
 * by the director and coordinators (the municipality's, administrators), not by colleagues.
 * school-1 and school-2 are in muni-1, school-3 in muni-2.
 */
describe.each(storeFactories)('indirect work on the server on $name', (factory) => {
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
    await make('liga', ['accountant'], ['school-1']);
    await make('anna', ['teacher'], ['school-1']);
    await make('coordinator1', ['school_coordinator'], ['school-1']);
    await make('director1', ['director'], ['school-1']);
    await make('juris', ['accountant'], ['school-2']);
    await make('ilze', ['accountant'], ['school-3']);
    await make('closed', ['accountant'], ['school-1'], { active: false });
    await make('muni1', ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
    await make('muni2', ['municipal_coordinator'], [], { municipalityId: 'muni-2' });
    await make('admin', ['administrator'], []);
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
      .json<{ documents: { id: string; _deleted: boolean }[] }>()
      .documents.filter((d) => !d._deleted)
      .map((d) => d.id)
      .sort();
  }
  async function storedCount(id: string): Promise<number> {
    const [row] = await store.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM documents WHERE collection = 'staffevents' AND id = $1`,
      [id],
    );
    return Number(row?.n);
  }

  it.each([
    ['the accountant: their own month', 'liga', work(), null],
    ['the teacher: their own month', 'anna', work({ staffId: 'anna' }), null],
    ['the school coordinator: the accountant’s month', 'coordinator1', work(), null],
    ['the teacher: the accountant’s month', 'anna', work(), 'notOwnRecord'],
    ['the director: the accountant’s month (directors record their own only)', 'director1', work(), 'notOwnRecord'],
    ['the accountant: a month at another school', 'liga', work({ schoolId: 'school-2' }), 'outOfScope'],
    [
      'the accountant: at another municipality’s school',
      'liga',
      work({ schoolId: 'school-3', municipalityId: 'muni-2' }),
      'outOfScope',
    ],
    ['the municipal coordinator: a school’s accountant’s month', 'muni1', work(), 'roleNotAllowed'],
    [
      'the school coordinator: someone of a sibling school',
      'coordinator1',
      work({ staffId: 'juris' }),
      'indirectWorkStaffUnknown',
    ],
    [
      'the school coordinator: someone not in the directory',
      'coordinator1',
      work({ staffId: 'ghost' }),
      'indirectWorkStaffUnknown',
    ],
    [
      'the school coordinator: a closed account',
      'coordinator1',
      work({ staffId: 'closed' }),
      'indirectWorkStaffUnknown',
    ],
    [
      'the accountant: their school placed in another municipality',
      'liga',
      work({ municipalityId: 'muni-2' }),
      'indirectWorkMunicipalityMismatch',
    ],
  ])('%s', async (_case, pusher, doc, reason) => {
    const { status, body } = await push(pusher, [newRow(doc)]);
    expect(status).toBe(200);
    expect(body.rejected).toEqual(reason ? [{ id: doc.id, reason }] : []);
    expect(await storedCount(doc.id)).toBe(reason ? 0 : 1);
  });

  it.each([
    ['no minutes', work({ minutes: 0 })],
    ['more than 200 hours in a month', work({ minutes: 200 * 60 + 1 })],
    ['a fraction of a minute', work({ minutes: 30.5 })],
    ['a NUL in what was done', work({ what: 'Kompensācijas\u0000' })],
    ['nothing said of what was done', work({ what: '  ' })],
    ['no month', work({ month: '2026-13' })],
    ['an event’s field on indirect work', { ...work(), hours: 2 }],
  ])('refuses %s, storing nothing of the push', async (_case, bad) => {
    const good = work();
    const { status } = await push('liga', [newRow(good), newRow(bad)]);
    expect(status).toBe(400);
    expect(await storedCount(good.id)).toBe(0);
    expect(await storedCount(bad.id)).toBe(0);
  });

  it('keeps an event an event: indirect work does not become one, nor the other way round', async () => {
    const own = work({ id: 'liga-kept' });
    expect((await push('liga', [newRow(own)])).body.rejected).toEqual([]);
    const asEvent = {
      id: own.id,
      createdAt: AT,
      updatedAt: AT,
      municipalityId: 'muni-1',
      schoolId: 'school-1',
      kind: 'seminar',
      title: 'Seminārs',
      provider: '',
      date: '2026-10-06',
      endDate: '2026-10-06',
      hours: 2,
      participantIds: [],
      otherParticipants: 0,
    };
    const { body } = await push('coordinator1', [{ assumedMasterState: wire(own), newDocumentState: wire(asEvent) }]);
    expect(body.rejected).toEqual([{ id: own.id, reason: 'roleNotAllowed' }]);
  });

  it('lets the person edit and delete their own month, a colleague neither', async () => {
    const own = work({ id: 'liga-edited' });
    await push('liga', [newRow(own)]);
    const edited = { ...own, minutes: 720 };
    const byColleague = await push('anna', [{ assumedMasterState: wire(own), newDocumentState: wire(edited) }]);
    expect(byColleague.body.rejected).toEqual([{ id: own.id, reason: 'notOwnRecord' }]);
    const byOwner = await push('liga', [{ assumedMasterState: wire(own), newDocumentState: wire(edited) }]);
    expect(byOwner.body.rejected).toEqual([]);
    const deleted = await push('liga', [{ assumedMasterState: wire(edited), newDocumentState: wire(edited, true) }]);
    expect(deleted.body.rejected).toEqual([]);
    const [row] = await store.query<{ deleted: boolean; minutes: number }>(
      `SELECT deleted, (data->>'minutes')::int AS minutes FROM documents WHERE id = $1`,
      [own.id],
    );
    expect(row).toEqual({ deleted: true, minutes: 720 });
  });

  it('is read within its school by the person and by those who see staff hours, not by colleagues', async () => {
    const rows = [
      work({ id: 'r-liga' }),
      work({ id: 'r-anna', staffId: 'anna' }),
      work({ id: 'r-juris', schoolId: 'school-2', staffId: 'juris' }),
      work({ id: 'r-ilze', schoolId: 'school-3', municipalityId: 'muni-2', staffId: 'ilze' }),
    ];
    // Written as the server's own (no writer): the reads are what this test is about.
    const { pushDocuments } = await import('../../src/server/replication/documents');
    const result = await pushDocuments(store, 'staffevents', rows.map(newRow));
    expect(result.ok && result.written.length).toBe(4);
    const readable = async (person: string) => (await pulledIds(person)).filter((id) => id.startsWith('r-'));
    expect(await readable('liga')).toEqual(['r-liga']);
    expect(await readable('anna')).toEqual(['r-anna']);
    expect(await readable('juris')).toEqual(['r-juris']);
    expect(await readable('coordinator1')).toEqual(['r-anna', 'r-liga']);
    expect(await readable('director1')).toEqual(['r-anna', 'r-liga']);
    expect(await readable('muni1')).toEqual(['r-anna', 'r-juris', 'r-liga']);
    expect(await readable('muni2')).toEqual(['r-ilze']);
    expect(await readable('admin')).toEqual(['r-anna', 'r-ilze', 'r-juris', 'r-liga']);
  });

  it('tells the first person’s device when the school coordinator books their month to a colleague', async () => {
    const mistaken = work({ id: 'moved', staffId: 'anna' });
    expect((await push('coordinator1', [newRow(mistaken)])).body.rejected).toEqual([]);
    const before = await app.inject({
      method: 'GET',
      url: `/api/sync/staffevents/pull?seq=0&limit=100`,
      headers: people.get('anna')!.headers,
    });
    const checkpoint = before.json<{ checkpoint: { seq: number; scope?: string } }>().checkpoint;
    const corrected = { ...mistaken, staffId: 'liga' };
    const moved = await push('coordinator1', [
      { assumedMasterState: wire(mistaken), newDocumentState: wire(corrected) },
    ]);
    expect(moved.body.rejected).toEqual([]);
    const after = await app.inject({
      method: 'GET',
      url: `/api/sync/staffevents/pull?seq=${checkpoint.seq}&scope=${checkpoint.scope ?? ''}&limit=100`,
      headers: people.get('anna')!.headers,
    });
    const documents = after.json<{ documents: { id: string; _deleted: boolean }[] }>().documents;
    expect(documents.filter((d) => d.id === 'moved').map((d) => d._deleted)).toEqual([true]);
    expect(await pulledIds('liga')).toContain('moved');
  });
});
