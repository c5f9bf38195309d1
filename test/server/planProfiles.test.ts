import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyOfProfile,
  pumpurs2017,
  type Compensation,
  type Learner,
  type StoredProfile,
  type SupportPlan,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { loadMigrations, migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-02T08:00:00.000Z';
const LATER = '2026-11-20T08:00:00.000Z';
const MIGRATION = '20261202160000_plans_profile';

describe.each(storeFactories)('plans version 2 on $name: the stored plans migrate', (factory) => {
  it('gives every stored plan the PuMPuRS 2017 profile, keeps one that names its own, and keeps their seq', async () => {
    const { store, dispose } = await factory.create();
    try {
      const all = await loadMigrations();
      await migrate(
        store,
        all.filter((m) => m.id < MIGRATION),
      );
      const plans = [
        { id: 'old', schoolYear: '2021/2022' },
        { id: 'newer', schoolYear: '2025/2026', profileId: 'skola' },
      ];
      for (const [i, plan] of plans.entries()) {
        await store.query(
          `INSERT INTO documents (collection, id, data, seq, school_id) VALUES ('plans', $1, $2, $3, 'school-1')`,
          [plan.id, { ...plan, schoolId: 'school-1', createdAt: AT, updatedAt: AT }, i + 1],
        );
      }
      await migrate(store, all);
      const rows = await store.query<{ id: string; data: Record<string, unknown>; seq: string | number }>(
        `SELECT id, data, seq FROM documents WHERE collection = 'plans' ORDER BY id`,
      );
      expect(rows.map((r) => [r.id, Number(r.seq), r.data.profileId, r.data.schoolYear])).toEqual([
        ['newer', 2, 'skola', '2025/2026'],
        ['old', 1, 'pumpurs_2017', '2021/2022'],
      ]);
    } finally {
      await dispose();
    }
  });
});

/**
 * The successor's numbers, chosen so the two profiles judge differently: meals capped at 90 € a month instead of
 * PuMPuRS's 70 €, and a risk of its own (other.added_1) that PuMPuRS's grid does not have.
 */
function successor(by: string): StoredProfile {
  const copy = copyOfProfile(pumpurs2017, { id: 'skola-kopiena', title: 'Skola–kopiena', now: AT, by });
  return {
    ...copy,
    years: { from: 2024, to: 2029 },
    schoolYears: ['2026/2027'],
    assignedAt: AT,
    compensations: copy.compensations.map((c) => (c.code === 'meals' ? { ...c, capCents: 9000 } : c)),
    riskGroups: copy.riskGroups.map((g) => (g.code === 'other' ? { ...g, items: [...g.items, 'other.added_1'] } : g)),
    riskLabels: [{ code: 'other.added_1', text: 'Digitālā atkarība' }],
  };
}

let n = 0;
describe.each(storeFactories)('a plan’s own profile on the server on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const people = new Map<string, TestUser>();

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    const make = async (id: string, roles: TestUser['user']['roles'], schools: string[], extra = {}) =>
      people.set(id, await createTestUser(store, roles, schools, { id, ...extra }));
    await make('admin', ['administrator'], []);
    await make('marta', ['teacher', 'plan_preparer'], ['school-1']);
    await make('liga', ['social_pedagogue'], ['school-1']);
    await make('director', ['director'], ['school-1']);
    await make('coord', ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
    const learners = ['l-skola', 'l-pumpurs', 'l-unlinked'].map((id): Learner => ({
      id,
      createdAt: AT,
      updatedAt: AT,
      schoolId: 'school-1',
      firstName: 'Anna',
      lastName: id,
      className: '7.a',
      programme: 'general',
      guardians: [],
      archived: false,
    }));
    const seeded = await pushDocuments(
      store,
      'learners',
      learners.map((l) => ({ assumedMasterState: null, newDocumentState: { ...l, _deleted: false } })),
    );
    expect(seeded.ok).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function push(person: string, collection: string, before: object | null, after: object) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: people.get(person)!.headers,
      payload: [
        {
          // What the server holds: the pusher's own earlier state, which they signed.
          assumedMasterState: before ? { ...before, updatedBy: people.get(person)!.user.id, _deleted: false } : null,
          newDocumentState: { ...after, updatedBy: people.get(person)!.user.id, _deleted: false },
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rejected: { reason: string }[]; conflicts: unknown[] }>();
    expect(body.conflicts).toEqual([]);
    return body.rejected.map((r) => r.reason);
  }

  const plan = (id: string, learnerId: string, profileId: string | undefined, riskCode: string): SupportPlan => ({
    id,
    createdAt: AT,
    updatedAt: AT,
    learnerId,
    schoolId: 'school-1',
    schoolYear: '2026/2027',
    semester: 1,
    preparerIds: ['marta'],
    status: 'draft',
    risks: [{ id: 'r1', code: riskCode, note: '' }],
    measures: [
      {
        id: 'm1',
        kind: 'compensation',
        riskIds: ['r1'],
        justification: 'Ēdināšana',
        compensationCategory: 'meals',
        plannedMonthlyCents: 8000,
      },
    ],
    history: [{ id: `${id}-c`, at: AT, byUserId: 'marta', action: 'created', toStatus: 'draft' }],
    ...(profileId ? { profileId } : {}),
  });
  const submitted = (p: SupportPlan): SupportPlan => ({
    ...p,
    status: 'in_approval',
    updatedAt: LATER,
    history: [
      ...p.history,
      { id: `${p.id}-s`, at: LATER, byUserId: 'marta', action: 'submit', fromStatus: 'draft', toStatus: 'in_approval' },
    ],
  });
  const compensation = (id: string, learnerId: string, planId: string, amountCents: number): Compensation => ({
    id,
    createdAt: AT,
    updatedAt: AT,
    schoolId: 'school-1',
    learnerId,
    planId,
    category: 'meals',
    month: '2026-11',
    amountCents,
    status: 'requested',
    note: '',
  });

  it.each([
    ['a plan preparer', 'marta'],
    ['a director', 'director'],
    ['a municipal coordinator', 'coord'],
  ])('refuses a profile written by %s', async (_, person) => {
    expect(await push(person, 'profiles', null, successor(person))).toEqual(['roleNotAllowed']);
  });

  it('takes the successor profile from the administrator, and everyone reads it', async () => {
    expect(await push('admin', 'profiles', null, successor('admin'))).toEqual([]);
    const response = await app.inject({
      method: 'GET',
      url: '/api/sync/profiles/pull?seq=0&limit=10',
      headers: people.get('marta')!.headers,
    });
    expect(response.json<{ documents: { id: string }[] }>().documents.map((d) => d.id)).toEqual(['skola-kopiena']);
  });

  it('refuses a plan made under a profile the server does not know', async () => {
    expect(await push('marta', 'plans', null, plan('p-ghost', 'l-skola', 'ghost', 'other.marriage'))).toEqual([
      'planProfileUnknown',
    ]);
  });

  it.each([
    // 80 € of planned meals: within Skola–kopiena's 90 €, over PuMPuRS's 70 €. other.added_1 is Skola–kopiena's.
    ['Skola–kopiena: its own risk, 80 € of meals', 'skola-kopiena', 'other.added_1', []],
    ['PuMPuRS (no profileId): 80 € of meals is over 70 €', undefined, 'other.marriage', ['planStepNotAllowed']],
    ['PuMPuRS: the successor’s risk is not in its grid', 'pumpurs_2017', 'other.added_1', ['planStepNotAllowed']],
  ])('judges a plan sent for approval by its own profile: %s', async (name, profileId, riskCode, expected) => {
    const id = `p-send-${++n}`;
    const draft = plan(id, 'l-skola', profileId, riskCode);
    const draftFixed =
      profileId === 'pumpurs_2017'
        ? { ...draft, measures: [{ ...draft.measures[0]!, plannedMonthlyCents: 5000 }] }
        : draft;
    expect(await push('marta', 'plans', null, draftFixed)).toEqual([]);
    expect(await push('marta', 'plans', draftFixed, submitted(draftFixed))).toEqual(expected);
  });

  it.each([
    ['from Skola–kopiena to PuMPuRS', 'skola-kopiena', 'pumpurs_2017'],
    ['from Skola–kopiena to none (PuMPuRS)', 'skola-kopiena', undefined],
    ['from none (PuMPuRS) to Skola–kopiena', undefined, 'skola-kopiena'],
  ])('refuses a plan’s profile changed after creation: %s', async (name, from, to) => {
    const made = plan(`p-change-${++n}`, 'l-pumpurs', from, 'other.marriage');
    expect(await push('marta', 'plans', null, made)).toEqual([]);
    const { profileId: _dropped, ...without } = made;
    const changed = to ? { ...made, profileId: to, updatedAt: LATER } : { ...without, updatedAt: LATER };
    expect(await push('marta', 'plans', made, changed)).toEqual(['planProfileChanged']);
    // Naming the same profile it had (absent is PuMPuRS) is no change.
    if (from === undefined) {
      expect(await push('marta', 'plans', made, { ...made, profileId: 'pumpurs_2017', updatedAt: LATER })).toEqual([]);
    }
  });

  it('caps a compensation by its plan’s own profile: 80 € of meals under Skola–kopiena, not under PuMPuRS', async () => {
    const skolaPlan = plan('p-caps-skola', 'l-skola', 'skola-kopiena', 'other.marriage');
    const pumpursPlan = plan('p-caps-pumpurs', 'l-pumpurs', undefined, 'other.marriage');
    expect(await push('marta', 'plans', null, skolaPlan)).toEqual([]);
    expect(await push('marta', 'plans', null, pumpursPlan)).toEqual([]);
    expect(await push('liga', 'compensations', null, compensation('c1', 'l-skola', skolaPlan.id, 8000))).toEqual([]);
    expect(await push('liga', 'compensations', null, compensation('c2', 'l-pumpurs', pumpursPlan.id, 8000))).toEqual([
      'compensationOverCap',
    ]);
    // 70 € is PuMPuRS's cap exactly; under Skola–kopiena a further 15 € makes 95 €, over its 90 €.
    expect(await push('liga', 'compensations', null, compensation('c3', 'l-pumpurs', pumpursPlan.id, 7000))).toEqual(
      [],
    );
    expect(await push('liga', 'compensations', null, compensation('c4', 'l-skola', skolaPlan.id, 1500))).toEqual([
      'compensationOverCap',
    ]);
  });

  it('caps a compensation tied to no plan by the profile its month’s school year uses (2026/2027: Skola–kopiena)', async () => {
    expect(await push('liga', 'compensations', null, compensation('c5', 'l-unlinked', '', 8500))).toEqual([]);
  });

  it('refuses an edit of Skola–kopiena that removes a risk or a measure kind its plans use, and takes one that keeps them', async () => {
    // By now plans under Skola–kopiena name "other.marriage" and a meals compensation (the tests above).
    const stored = successor('admin');
    const withoutRisk = (code: string): StoredProfile => ({
      ...stored,
      updatedAt: LATER,
      riskGroups: stored.riskGroups.map((g) => ({ ...g, items: g.items.filter((i) => i !== code) })),
    });
    expect(await push('admin', 'profiles', stored, withoutRisk('other.marriage'))).toEqual(['profileInUse']);
    const noCompensations: StoredProfile = {
      ...stored,
      updatedAt: LATER,
      measureKinds: ['subject_consultation', 'specialist_consultation'],
    };
    expect(await push('admin', 'profiles', stored, noCompensations)).toEqual(['profileInUse']);
    // "Pregnancy" no plan of it names: removing it breaks none.
    expect(await push('admin', 'profiles', stored, withoutRisk('other.pregnancy'))).toEqual([]);
  });
});
