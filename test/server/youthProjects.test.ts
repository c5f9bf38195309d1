import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyOfProfile,
  pumpurs2017,
  type YouthApplication,
  type YouthCompetition,
  type YouthProject,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { loadMigrations, migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { wireDocumentSchema } from '../../src/sync/protocol';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { newRow, wire } from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2020-03-01T08:00:00.000Z';
const MIGRATION = '20261202170000_youth_projects_v1';

describe.each(storeFactories)('youth projects version 1 on $name: the stored projects migrate', (factory) => {
  it('turns a bare project into an application of no competition, as the devices do', async () => {
    const { store, dispose } = await factory.create();
    try {
      const all = await loadMigrations();
      await migrate(
        store,
        all.filter((m) => m.id < MIGRATION),
      );
      const v0 = [
        {
          id: 'a',
          municipalityId: 'liepaja',
          title: 'Jauniešu darbnīcas',
          organisation: 'Attīstības platforma YOU+',
          status: 'finished',
          grantCents: 460000,
          startMonth: '2020-06',
          endMonth: '2020-12',
          participants: 25,
        },
        {
          id: 'b',
          municipalityId: 'liepaja',
          title: 'Sports',
          organisation: 'Workout Generation',
          status: 'applied',
          grantCents: 460000,
          startMonth: '2020-11',
          endMonth: '2021-02',
          participants: 0,
        },
      ];
      for (const [i, doc] of v0.entries()) {
        await store.query(
          `INSERT INTO documents (collection, id, data, seq, school_id, municipality_id) VALUES ('youthprojects', $1, $2, $3, NULL, $4)`,
          [doc.id, { ...doc, createdAt: AT, updatedAt: AT }, i + 1, doc.municipalityId],
        );
      }
      await migrate(store, all);
      const rows = await store.query<{ id: string; data: Record<string, unknown>; seq: string | number }>(
        `SELECT id, data, seq FROM documents WHERE collection = 'youthprojects' ORDER BY id`,
      );
      const common = {
        withInitiativeGroup: false,
        contact: '',
        partners: [],
        activities: '',
        atRiskParticipants: 0,
        documentsReceived: [],
        scores: [],
        decisionReason: '',
        progress: [],
      };
      // Months counted by hand: June–December 7; November–February 4. Only the finished one keeps its grant.
      expect(rows.map((r) => [r.id, Number(r.seq), r.data])).toEqual([
        [
          'a',
          1,
          {
            id: 'a',
            createdAt: AT,
            updatedAt: AT,
            municipalityId: 'liepaja',
            kind: 'application',
            commissionIds: [],
            application: {
              ...common,
              title: 'Jauniešu darbnīcas',
              organisation: 'Attīstības platforma YOU+',
              startMonth: '2020-06',
              months: 7,
              status: 'finished',
              grantCents: 460000,
              report: { activities: '', participants: 25, atRiskParticipants: 0 },
            },
          },
        ],
        [
          'b',
          2,
          {
            id: 'b',
            createdAt: AT,
            updatedAt: AT,
            municipalityId: 'liepaja',
            kind: 'application',
            commissionIds: [],
            application: {
              ...common,
              title: 'Sports',
              organisation: 'Workout Generation',
              startMonth: '2020-11',
              months: 4,
              status: 'applied',
            },
          },
        ],
      ]);
      for (const row of rows)
        expect(wireDocumentSchema('youthprojects').safeParse({ ...row.data, _deleted: false }).success).toBe(true);
    } finally {
      await dispose();
    }
  });
});

const competitionDetails = (commission: string[]): YouthCompetition => ({
  title: 'Jaunatnes iniciatīvu projekti 2020',
  profileId: 'pumpurs_2017',
  opens: '2020-03-01',
  deadline: '2020-04-14',
  budgetCents: 3_680_000,
  criteria: [
    { id: 'fit', title: 'Atbilstība konkursa mērķiem', maxScore: 10 },
    { id: 'plan', title: 'Aktivitāšu plāns', maxScore: 5 },
  ],
  requiredDocuments: [
    { id: 'form', title: 'Projekta iesnieguma veidlapa' },
    { id: 'partner', title: 'Sadarbības partnera apliecinājums' },
  ],
  commission,
});
const competition = (id: string, commission: string[], municipalityId = 'liepaja'): YouthProject => ({
  id,
  createdAt: AT,
  updatedAt: AT,
  kind: 'competition',
  municipalityId,
  competition: competitionDetails(commission),
});

let n = 0;
const application = (
  competitionId: string,
  commissionIds: string[],
  more: Partial<YouthApplication> = {},
): YouthProject & { application: YouthApplication } => ({
  id: `application-${++n}`,
  createdAt: AT,
  updatedAt: AT,
  kind: 'application',
  municipalityId: 'liepaja',
  commissionIds,
  application: {
    competitionId,
    title: 'Jauniešu iniciatīva',
    organisation: 'Biedrība “Pirmā skola”',
    withInitiativeGroup: true,
    contact: 'Anna Kalniņa, 20000000',
    partners: ['Liepājas Valsts tehnikums'],
    activities: 'Darbnīcas',
    atRiskParticipants: 12,
    startMonth: '2020-06',
    months: 7,
    documentsReceived: ['form'],
    scores: [],
    status: 'applied',
    decisionReason: '',
    progress: [],
    ...more,
  },
});
const sheet = (id: string, fit: number, plan: number) => ({
  id,
  scores: [
    { criterionId: 'fit', score: fit },
    { criterionId: 'plan', score: plan },
  ],
});

describe.each(storeFactories)('youth projects on the server on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const people = new Map<string, TestUser>();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'school-l', municipalityId: 'liepaja' },
      { id: 'school-c', municipalityId: 'cesis' },
    ]);
    const make = async (id: string, roles: TestUser['user']['roles'], schools: string[], extra = {}) =>
      people.set(id, await createTestUser(store, roles, schools, { id, ...extra }));
    await make('coord', ['municipal_coordinator'], [], { municipalityId: 'liepaja' });
    await make('coord-c', ['municipal_coordinator'], [], { municipalityId: 'cesis' });
    await make('member1', ['teacher'], ['school-l']);
    await make('member2', ['social_pedagogue'], ['school-l']);
    await make('member3', ['teacher'], ['school-l']);
    await make('bystander', ['teacher'], ['school-l']);
    await make('stranger', ['teacher'], ['school-c']);
    await make('national', ['national_coordinator'], []);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function push(person: string, rows: object[]) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/youthprojects/push`,
      headers: people.get(person)!.headers,
      payload: rows,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ rejected: { id: string; reason: string }[] }>().rejected;
  }
  const edit = (person: string, before: object, after: object) =>
    push(person, [{ assumedMasterState: wire(before), newDocumentState: wire(after) }]);
  async function pulledIds(person: string): Promise<string[]> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/youthprojects/pull?seq=0&limit=500`,
      headers: people.get(person)!.headers,
    });
    expect(response.statusCode).toBe(200);
    return response
      .json<{ documents: { id: string }[] }>()
      .documents.map((d) => d.id)
      .sort();
  }

  const spring = competition('spring', ['member1', 'member2']);
  const autumn = competition('autumn', ['member3']);

  it('only the municipality’s coordinator announces a competition, with a commission of its own people', async () => {
    expect(await push('member1', [newRow(competition('by-teacher', []))])).toEqual([
      { id: 'by-teacher', reason: 'roleNotAllowed' },
    ]);
    expect(await push('coord-c', [newRow(competition('by-other-coord', []))])).toEqual([
      { id: 'by-other-coord', reason: 'outOfScope' },
    ]);
    expect(await push('coord', [newRow(competition('with-stranger', ['member1', 'stranger']))])).toEqual([
      { id: 'with-stranger', reason: 'youthCommissionOutOfReach' },
    ]);
    expect(await push('coord', [newRow(competition('with-ghost', ['ghost']))])).toEqual([
      { id: 'with-ghost', reason: 'youthCommissionOutOfReach' },
    ]);
    expect(await push('coord', [newRow(spring), newRow(autumn)])).toEqual([]);
  });

  it.each([
    ['an application as received', {}, null],
    ['approved with exactly 4600 €', { status: 'applied' as const }, null],
    ['a duration of 2 months', { months: 2 }, 'youthDurationOutOfRange'],
    ['a duration of 19 months', { months: 19 }, 'youthDurationOutOfRange'],
    ['a grant before the decision', { grantCents: 460_000 }, 'youthGrantWithoutApproval'],
    ['a document not on the checklist', { documentsReceived: ['photo'] }, 'youthUnknownDocument'],
  ])('a new application: %s', async (_case, more, reason) => {
    const doc = application('spring', ['member1', 'member2'], more);
    expect(await push('coord', [newRow(doc)])).toEqual(reason ? [{ id: doc.id, reason }] : []);
  });

  it('refuses an application whose readers are not its competition’s commission, or of no competition', async () => {
    const wrong = application('spring', ['member1']);
    const none = application('nowhere', []);
    expect(await push('coord', [newRow(wrong), newRow(none)])).toEqual(
      [
        { id: wrong.id, reason: 'youthCommissionMismatch' },
        { id: none.id, reason: 'youthCompetitionUnknown' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('grants exactly the profile’s amount: any other is refused with its reason, 4600 € is taken', async () => {
    const doc = application('spring', ['member1', 'member2']);
    expect(await push('coord', [newRow(doc)])).toEqual([]);
    for (const grantCents of [459_999, 460_001, 500_000, 0]) {
      const approved = { ...doc, application: { ...doc.application, status: 'approved' as const, grantCents } };
      expect(await edit('coord', doc, approved)).toEqual([{ id: doc.id, reason: 'youthGrantNotProgrammeAmount' }]);
    }
    const noGrant = { ...doc, application: { ...doc.application, status: 'approved' as const } };
    expect(await edit('coord', doc, noGrant)).toEqual([{ id: doc.id, reason: 'youthGrantNotProgrammeAmount' }]);
    const rejected = { ...doc, application: { ...doc.application, status: 'rejected' as const } };
    expect(await edit('coord', doc, rejected)).toEqual([{ id: doc.id, reason: 'youthReasonMissing' }]);
    const approved = { ...doc, application: { ...doc.application, status: 'approved' as const, grantCents: 460_000 } };
    expect(await edit('coord', doc, approved)).toEqual([]);
    const [row] = await store.query<{ data: YouthProject }>(`SELECT data FROM documents WHERE id = $1`, [doc.id]);
    expect(row?.data.application?.grantCents).toBe(460_000);
    // Running, then finished only with the final report.
    const running = { ...approved, application: { ...approved.application, status: 'running' as const } };
    expect(await edit('coord', approved, running)).toEqual([]);
    const finished = { ...running, application: { ...running.application, status: 'finished' as const } };
    expect(await edit('coord', running, finished)).toEqual([{ id: doc.id, reason: 'youthReportMissing' }]);
    const reported = {
      ...finished,
      application: {
        ...finished.application,
        report: { activities: '12 darbnīcas', participants: 30, atRiskParticipants: 14, spentCents: 458_000 },
      },
    };
    expect(await edit('coord', running, reported)).toEqual([]);
  });

  it('a commission member writes their own scores only, and nothing else of the application', async () => {
    const doc = application('spring', ['member1', 'member2']);
    expect(await push('coord', [newRow(doc)])).toEqual([]);
    const scored = { ...doc, application: { ...doc.application, scores: [sheet('member1', 8, 4)] } };
    expect(await edit('member1', doc, scored)).toEqual([]);
    const forColleague = {
      ...scored,
      application: { ...scored.application, scores: [sheet('member1', 8, 4), sheet('member2', 10, 5)] },
    };
    expect(await edit('member1', scored, forColleague)).toEqual([{ id: doc.id, reason: 'youthSheetNotOwn' }]);
    expect(await edit('coord', scored, forColleague)).toEqual([{ id: doc.id, reason: 'youthSheetNotOwn' }]);
    const overMax = { ...scored, application: { ...scored.application, scores: [sheet('member1', 11, 4)] } };
    expect(await edit('member1', scored, overMax)).toEqual([{ id: doc.id, reason: 'youthScoreOverMax' }]);
    const retitled = { ...scored, application: { ...scored.application, title: 'Cits' } };
    expect(await edit('member1', scored, retitled)).toEqual([{ id: doc.id, reason: 'roleNotAllowed' }]);
    const byOutsider = { ...scored, application: { ...scored.application, scores: [sheet('member3', 1, 1)] } };
    expect(await edit('member3', scored, byOutsider)).toEqual([{ id: doc.id, reason: 'roleNotAllowed' }]);
    const both = {
      ...scored,
      application: { ...scored.application, scores: [sheet('member1', 8, 4), sheet('member2', 9, 3)] },
    };
    expect(await edit('member2', scored, both)).toEqual([]);
    // After the decision, scores are closed.
    const approved = {
      ...both,
      application: { ...both.application, status: 'approved' as const, grantCents: 460_000 },
    };
    expect(await edit('coord', both, approved)).toEqual([]);
    const late = {
      ...approved,
      application: { ...approved.application, scores: [sheet('member1', 10, 5), sheet('member2', 9, 3)] },
    };
    expect(await edit('member1', approved, late)).toEqual([{ id: doc.id, reason: 'youthScoringClosed' }]);
  });

  it('a commission member reads the applications of their own competition only', async () => {
    const ofSpring = application('spring', ['member1', 'member2'], { organisation: 'Radi Vidi Pats' });
    const ofAutumn = application('autumn', ['member3'], { organisation: 'Workout Generation' });
    expect(await push('coord', [newRow(ofSpring), newRow(ofAutumn)])).toEqual([]);
    const [m1, m3, bystander, stranger, coord, national] = await Promise.all(
      ['member1', 'member3', 'bystander', 'stranger', 'coord', 'national'].map(pulledIds),
    );
    expect(m1).toContain(ofSpring.id);
    expect(m1).not.toContain(ofAutumn.id);
    expect(m3).toContain(ofAutumn.id);
    expect(m3).not.toContain(ofSpring.id);
    // Everyone of the municipality sees its calls; only the deciders and commissions see applications.
    for (const ids of [m1, m3, bystander]) expect(ids).toEqual(expect.arrayContaining(['autumn', 'spring']));
    expect((bystander ?? []).filter((id) => id.startsWith('application-'))).toEqual([]);
    expect(stranger).toEqual([]);
    expect(coord).toEqual(expect.arrayContaining([ofSpring.id, ofAutumn.id]));
    expect(national).toEqual(expect.arrayContaining([ofSpring.id, ofAutumn.id]));
  });

  it('fixes the commission once the competition has an application', async () => {
    const fresh = competition('fresh', ['member1']);
    expect(await push('coord', [newRow(fresh)])).toEqual([]);
    const widened = { ...fresh, competition: { ...fresh.competition!, commission: ['member1', 'member3'] } };
    expect(await edit('coord', fresh, widened)).toEqual([]);
    expect(await push('coord', [newRow(application('fresh', ['member1', 'member3']))])).toEqual([]);
    const narrowed = { ...widened, competition: { ...widened.competition, commission: ['member1'] } };
    expect(await edit('coord', widened, narrowed)).toEqual([{ id: 'fresh', reason: 'youthCommissionFixed' }]);
    const retitled = { ...widened, competition: { ...widened.competition, title: 'Rudens kārta' } };
    expect(await edit('coord', widened, retitled)).toEqual([]);
    // What the applications were written and scored against stays: the criteria (the profile too: domain test).
    const rescored = {
      ...retitled,
      competition: {
        ...retitled.competition,
        criteria: retitled.competition.criteria.map((c) => ({ ...c, maxScore: c.maxScore + 5 })),
      },
    };
    expect(await edit('coord', retitled, rescored)).toEqual([{ id: 'fresh', reason: 'youthTermsFixed' }]);
    const extended = {
      ...retitled,
      competition: { ...retitled.competition, deadline: '2099-12-31', budgetCents: 920_000 },
    };
    expect(await edit('coord', retitled, extended)).toEqual([]);
  });

  it('judges a competition by its own profile: a successor’s grant is the amount, an unknown profile is refused', async () => {
    const admin = await createTestUser(store, ['administrator'], [], { id: 'admin-youth' });
    const copy = copyOfProfile(pumpurs2017, { id: 'skola-youth', title: 'Skola–kopiena', now: AT, by: admin.user.id });
    // 5000 € instead of PuMPuRS's 4600 €: which one the server takes says whose rule it applied.
    const successor = { ...copy, youthProject: { ...copy.youthProject, grantCents: 500_000 } };
    const stored = await app.inject({
      method: 'POST',
      url: '/api/sync/profiles/push',
      headers: admin.headers,
      payload: [{ assumedMasterState: null, newDocumentState: wire(successor) }],
    });
    expect(stored.json<{ rejected: unknown[] }>().rejected).toEqual([]);

    const ghost = competition('ghost-call', ['member1']);
    const ghostCall = { ...ghost, competition: { ...ghost.competition, profileId: 'no-such-profile' } };
    expect(await push('coord', [newRow(ghostCall)])).toEqual([{ id: 'ghost-call', reason: 'youthUnknownProfile' }]);

    const base = competition('successor-call', ['member1']);
    const call = { ...base, competition: { ...base.competition, profileId: 'skola-youth' } };
    expect(await push('coord', [newRow(call)])).toEqual([]);
    const doc = application('successor-call', ['member1']);
    expect(await push('coord', [newRow(doc)])).toEqual([]);
    const granted = (grantCents: number) => ({
      ...doc,
      application: { ...doc.application, status: 'approved' as const, grantCents },
    });
    expect(await edit('coord', doc, granted(460_000))).toEqual([
      { id: doc.id, reason: 'youthGrantNotProgrammeAmount' },
    ]);
    expect(await edit('coord', doc, granted(500_000))).toEqual([]);
  });
});
