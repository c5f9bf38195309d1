import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectionNames,
  municipalityFigures,
  publishedFigures,
  semesterFigures,
  type CollectionName,
  type PublishedFigures,
  type ReportInput,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import {
  NATIONAL_REPORT_PATH,
  nationalReportResponseSchema,
  type NationalReportResponse,
} from '../../src/sync/protocol';
import { createTestUser, type TestUser } from '../fixtures/accounts';
import * as national from '../fixtures/reports/nationalFixture';
import { documentIn } from '../fixtures/scopedDocuments';
import { storeFactories } from '../fixtures/stores';

const S1 = national.SEMESTER;
const query = `${NATIONAL_REPORT_PATH}?schoolYear=2020%2F2021&semester=1`;
const wire = (docs: readonly object[]) =>
  docs.map((d) => ({ assumedMasterState: null, newDocumentState: { _deleted: false, ...d } }));

/** Every learner-level id and name the server holds: none of them may reach a national device. */
const learnerTraces = [
  ...national.stored.learners.flatMap((l) => [l.id, l.firstName, l.lastName]),
  ...national.stored.plans.map((p) => p.id),
  ...national.stored.consultations.map((c) => c.id),
  ...national.stored.compensations.map((c) => c.id),
];

/**
 * The device's side, as a municipal coordinator's device computes it (domain municipalityFigures over the rows its
 * device holds: no removed school, no tombstone counted), published as the national level publishes.
 */
const deviceInput: ReportInput = {
  learners: national.stored.learners,
  plans: national.stored.plans,
  consultations: national.stored.consultations,
  compensations: national.stored.compensations,
  users: national.stored.users,
  staffEvents: national.staffEvents,
  indirectWork: national.indirectWork,
};
const deviceRow = (municipalityId: string) =>
  publishedFigures(municipalityFigures(deviceInput, S1, municipalityId, national.schools).total);

describe.each(storeFactories)('the national report on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const people: Record<string, TestUser> = {};

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    const push = async (collection: CollectionName, docs: readonly object[]) => {
      const result = await pushDocuments(store, collection, wire(docs));
      expect(result.ok && result.written.length, collection).toBe(docs.length);
    };
    await push('municipalities', national.municipalities);
    await push('schools', [...national.schools, national.removedSchool]);
    await push('users', national.stored.users);
    await push('learners', national.stored.learners);
    await push('plans', national.stored.plans);
    await push('consultations', national.stored.consultations);
    await push('compensations', national.stored.compensations);
    await push('staffevents', [...national.staffEvents, ...national.uncountedStaffEvents, ...national.indirectWork]);
    // A schedule and a note about real learners in each school: learner-level records of every other kind.
    await push(
      'schedules',
      national.schools.map((s) => ({
        ...documentIn('schedules', { id: `schedule-${s.id}`, schoolId: s.id, municipalityId: s.municipalityId }),
        learnerIds: [national.stored.learners.find((l) => l.schoolId === s.id)?.id ?? 'l'],
      })),
    );
    await push(
      'notes',
      national.schools.map((s) => ({
        ...documentIn('notes', { id: `note-${s.id}`, schoolId: s.id, municipalityId: s.municipalityId, shared: true }),
        learnerId: national.stored.learners.find((l) => l.schoolId === s.id)?.id ?? 'l',
      })),
    );
    await store.query(`UPDATE documents SET deleted = true WHERE collection = 'schools' AND id = 'slegta'`);
    await store.query(`UPDATE documents SET deleted = true WHERE collection = 'staffevents' AND id = 'sd-deleted'`);
    people.national = await createTestUser(store, ['national_coordinator'], []);
    people.admin = await createTestUser(store, ['administrator'], []);
    people.liepaja = await createTestUser(store, ['municipal_coordinator'], [], { municipalityId: 'liepaja' });
    people.director = await createTestUser(store, ['director'], ['raina']);
    people.teacher = await createTestUser(store, ['teacher'], ['raina']);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const report = async (who: TestUser, url = query) => app.inject({ method: 'GET', url, headers: who.headers });

  it('equals, municipality by municipality, the device’s report over the same rows, and the country is their union', async () => {
    const response = await report(people.national!);
    expect(response.statusCode).toBe(200);
    const body = nationalReportResponseSchema.parse(response.json());
    expect(body.municipalities.map((m) => [m.name, m.schools])).toEqual([
      ['Liepāja', 2],
      ['Mazciema novads', 1],
      ['Priekuļu novads', 1],
    ]);
    for (const row of body.municipalities) expect(row.figures, row.name).toEqual(deviceRow(row.municipalityId));
    const all = new Set(national.schools.map((s) => s.id));
    const everywhere = new Set(national.municipalities.map((m) => m.id));
    expect(body.total).toEqual(
      publishedFigures(semesterFigures(deviceInput, S1, { schoolIds: all, municipalityIds: everywhere })),
    );
  });

  it('gives the figures worked out by hand (fixture header), the small ones suppressed', async () => {
    const body = (await report(people.national!)).json<NationalReportResponse>();
    const row = (name: string) => body.municipalities.find((m) => m.name === name)?.figures as PublishedFigures;
    // Liepāja: Raiņa's 40 and Liedaga's 24 plans; 34 + 20 learners supported, 14 + 8 consultations only,
    // 7 + 4 economic only, 13 + 8 both; 129 consultations less 6 that nobody came to; meals paid and owed.
    const liepaja = row('Liepāja');
    expect(liepaja.plansMade).toBe(64);
    expect(liepaja.learnersSupported).toBe(54);
    expect([liepaja.consultationsOnly.count, liepaja.economicOnly.count, liepaja.both.count]).toEqual([22, 11, 21]);
    expect(liepaja.consultationsHeld).toBe(123);
    expect(liepaja.compensations.meals).toEqual({
      requestedCents: 0,
      approvedCents: 10180 + 10200 + 6060 + 6072,
      paidCents: 10180 + 6060,
      stillOwedCents: 10200 + 6072,
      learners: 32,
      // Raiņa's learners 0, 10, 20, 30 and Liedaga's 0, 10, 20 live elsewhere (002: "7 audzēkņi no citām pašvaldībām").
      fromOtherMunicipalities: 7,
    });
    // Seed 004's school: 22 / 19 / 2 — the 2 is "<5" and the 19 withheld, or 43 − 22 would give it away.
    const priekuli = row('Priekuļu novads');
    expect([priekuli.plansMade, priekuli.learnersSupported]).toEqual([45, 43]);
    expect([priekuli.consultationsOnly.count, priekuli.economicOnly.count, priekuli.both.count]).toEqual([
      22,
      'withheld',
      '<5',
    ]);
    expect(priekuli.compensations.meals?.paidCents).toBe(36245);
    // 004: "netieši iesaistītie darbinieki … 68 stundas"; "22 darbinieki: 20 pedagogi un 2 grāmatveži".
    expect(priekuli.indirectMinutes).toBe(68 * 60);
    expect([priekuli.staffAll, priekuli.staffByGroup]).toEqual([
      22,
      { pedagogue: 20, accountant: 2, coordinator: 0, other: 0 },
    ]);
    // The small school: every count of learners below 5, the records' counts as they are.
    const maz = row('Mazciema novads');
    expect([maz.plansMade, maz.learnersSupported, maz.both.count]).toEqual(['<5', '<5', '<5']);
    expect(maz.consultationsHeld).toBe(6);
    expect(maz.compensations.meals?.paidCents).toBe(1000);
    // Its learner 0 lives elsewhere: one of two compensated ("<5", and the other one withheld with it).
    expect([maz.compensations.meals?.learners, maz.compensations.meals?.fromOtherMunicipalities]).toEqual(['<5', '<5']);
    // The country: every plan of the semester in a school on record (not the deleted one, not next semester's,
    // not the removed school's); records add up; learners are counted once.
    expect(body.total.plansMade).toBe(45 + 64 + 3);
    // Liepāja's six teachers held sessions, no one recorded indirect work there: the country's 68 hours are 004's.
    expect([liepaja.indirectMinutes, liepaja.staffByGroup?.accountant]).toEqual([0, 0]);
    expect(body.total.indirectMinutes).toBe(68 * 60);
    expect(body.total.learnersSupported).toBe(43 + 54 + 3);
    expect(body.total.consultationsHeld).toBe(680 + 123 + 6);
    expect(body.total.directMinutes).toBe(body.municipalities.reduce((sum, m) => sum + m.figures.directMinutes, 0));
    expect(body.total.compensationsTotal.paidCents).toBe(
      body.municipalities.reduce((sum, m) => sum + m.figures.compensationsTotal.paidCents, 0),
    );
  });

  it('counts staff development per municipality, its own events included, and the country (fixture, by hand)', async () => {
    const body = (await report(people.national!)).json<NationalReportResponse>();
    const development = (name: string) => body.municipalities.find((m) => m.name === name)?.figures.staffDevelopment;
    const none = { seminar: 0, supervision: 0, workshop: 0, conference: 0, material: 0 };
    expect(development('Liepāja')).toEqual({
      events: 2,
      byKind: { ...none, workshop: 1, seminar: 1 },
      hours: 18,
      personHours: 216,
      staffReached: 3,
      otherParticipants: 25,
    });
    expect(development('Priekuļu novads')).toEqual({
      events: 1,
      byKind: { ...none, supervision: 1 },
      hours: 2,
      personHours: 14,
      staffReached: 1,
      otherParticipants: 6,
    });
    expect(development('Mazciema novads')).toEqual({
      events: 1,
      byKind: { ...none, conference: 1 },
      hours: 4,
      personHours: 12,
      staffReached: 0,
      otherParticipants: 3,
    });
    expect(body.total.staffDevelopment).toEqual({
      events: 4,
      byKind: { ...none, workshop: 1, seminar: 1, supervision: 1, conference: 1 },
      hours: 24,
      personHours: 242,
      staffReached: 4,
      otherParticipants: 34,
    });
  });

  it('counts no youth project where none is stored', async () => {
    const body = (await report(people.national!)).json<NationalReportResponse>();
    expect(body.youthProjects).toEqual({ projects: 0, municipalities: 0 });
  });

  it('carries no learner’s id or name, nor the id of any record', async () => {
    const text = (await report(people.national!)).body;
    for (const trace of learnerTraces) expect(text).not.toContain(trace);
  });

  it('is the national coordinator’s and the administrator’s only', async () => {
    expect((await report(people.admin!)).statusCode).toBe(200);
    for (const who of ['liepaja', 'director', 'teacher']) {
      const response = await report(people[who]!);
      expect(response.statusCode, who).toBe(403);
      expect(response.body).not.toContain('Priekuļu');
    }
    expect((await app.inject({ method: 'GET', url: query })).statusCode).toBe(401);
    const bad = await app.inject({ method: 'GET', url: query, headers: { authorization: 'Bearer nonsense' } });
    expect(bad.statusCode).toBe(401);
  });

  it.each([
    '',
    '?schoolYear=2020%2F2021',
    '?schoolYear=2020%2F2021&semester=3',
    '?schoolYear=2020%2F2022&semester=1',
    '?schoolYear=20202021&semester=1',
    '?schoolYear=2020%2F2021&semester=1&semester=2',
    '?schoolYear[a]=1&semester=1',
    `?schoolYear=${'9'.repeat(5000)}&semester=1`,
    "?schoolYear=2020%2F2021'%3B%20DROP%20TABLE%20documents%3B--&semester=1",
    '?schoolYear=2020%2F2021&semester=1&extra=1',
  ])('answers a bad period %s with 400, never a 5xx', async (search) => {
    const response = await report(people.national!, `${NATIONAL_REPORT_PATH}${search}`);
    expect(response.statusCode).toBe(400);
  });

  it('a national coordinator’s device pulls nothing learner-level, in any collection', async () => {
    const bodies: string[] = [];
    const got: Partial<Record<CollectionName, string[]>> = {};
    for (const collection of collectionNames) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?seq=0&limit=500`,
        headers: people.national!.headers,
      });
      expect(response.statusCode).toBe(200);
      bodies.push(response.body);
      got[collection] = response
        .json<{ documents: { id: string }[] }>()
        .documents.map((d) => d.id)
        .sort();
    }
    // Literal: what the rules in words let them hold (README "Roles and reach").
    expect(got).toEqual({
      municipalities: ['liepaja', 'mazciems', 'municipality-priekuli'],
      schools: [],
      // Themselves, and the municipalities' coordinators (the directory's municipal level); no school's staff.
      users: [people.national!.user.id, people.liepaja!.user.id].sort(),
      learners: [],
      plans: [],
      consultations: [],
      schedules: [],
      compensations: [],
      notes: [],
      youthprojects: [],
      // Staff development is about staff, not learners: every municipality's events, tombstones included.
      staffevents: [...national.staffEvents, ...national.uncountedStaffEvents].map((e) => e.id).sort(),
      // Programme profiles are everyone's to read, and hold nothing of a learner; this test stores none.
      profiles: [],
    });
    for (const trace of learnerTraces) for (const body of bodies) expect(body).not.toContain(trace);
  });

  it('a municipal coordinator never receives another municipality’s data', async () => {
    const elsewhere = national.stored.learners.filter((l) => !['raina', 'liedaga'].includes(l.schoolId));
    const traces = [
      ...elsewhere.flatMap((l) => [l.id, l.firstName]),
      'municipality-priekuli',
      'mazciems',
      'school-vtdt',
      'mazskola',
      'Priekuļu',
      'Mazciema',
    ];
    for (const collection of collectionNames) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/sync/${collection}/pull?seq=0&limit=500`,
        headers: people.liepaja!.headers,
      });
      expect(response.statusCode).toBe(200);
      for (const trace of traces) expect(response.body, `${collection}: ${trace}`).not.toContain(trace);
      const documents = response.json<{ documents: { schoolId?: string; municipalityId?: string }[] }>().documents;
      // A staff development event is the municipality's record, a closed school's too (domain permissions).
      if (collection === 'staffevents') for (const d of documents) expect(d.municipalityId).toBe('liepaja');
      else for (const d of documents) if (d.schoolId) expect(['raina', 'liedaga']).toContain(d.schoolId);
    }
    expect((await report(people.liepaja!)).statusCode).toBe(403);
  });
});
