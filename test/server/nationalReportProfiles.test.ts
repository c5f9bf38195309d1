import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfProfile, pumpurs2017, type CollectionName, type StoredProfile } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { NATIONAL_REPORT_PATH, type NationalReportResponse } from '../../src/sync/protocol';
import { createTestUser, type TestUser } from '../fixtures/accounts';
import { consultation, learner, plan } from '../fixtures/reports/builders';
import { storeFactories } from '../fixtures/stores';

/**
 * The state's report over plans made under two profiles in one semester (issue 12: "the server checks caps and rules
 * against the plan's own profile, not a default in code"). One school, twelve plans, each planning 5 maths sessions
 * of which the learner attended 4: a delivered share of 0.8.
 * - Six plans under PuMPuRS (target 0.9): 0.8 is below it.
 * - Six under a successor profile whose target is 0.6 and whose "other" group holds a risk PuMPuRS's grid lacks
 *   (other.added_1), which each of these plans names.
 * Worked out by hand: 12 plans measured, 6 meet their own target (0.5); under one default profile it would be 0 of
 * 12 (or 12 of 12 under the successor's). The "other" risk group holds the six successor learners: 6 of 12. The
 * school year's profile is PuMPuRS, so the headline target is its 0.9 — also when the first plan read is a successor
 * plan, as plan 00 is here (before, the headline was whichever profile's plan the query returned first).
 */
const AT = '2020-08-01T08:00:00.000Z';
const SCHOOL = { id: 'skola-k', name: 'Kopienas pamatskola', kind: 'general', municipalityId: 'kopiena' } as const;
const successor: StoredProfile = (() => {
  const copy = copyOfProfile(pumpurs2017, { id: 'skola-kopiena', title: 'Skola–kopiena', now: AT, by: 'admin' });
  return {
    ...copy,
    years: { from: 2024, to: 2029 },
    schoolYears: ['2026/2027'],
    assignedAt: AT,
    deliveredTarget: 0.6,
    riskGroups: copy.riskGroups.map((g) => (g.code === 'other' ? { ...g, items: [...g.items, 'other.added_1'] } : g)),
    riskLabels: [{ code: 'other.added_1', text: 'Digitālā atkarība' }],
  };
})();

const ids = Array.from({ length: 12 }, (_, i) => String(i).padStart(2, '0'));
const underSuccessor = (i: number) => i % 2 === 0;
const learners = ids.map((n) => learner(`k-learner-${n}`, { schoolId: SCHOOL.id }));
const plans = ids.map((n, i) =>
  plan(`k-plan-${n}`, `k-learner-${n}`, {
    schoolId: SCHOOL.id,
    ...(underSuccessor(i) ? { profileId: successor.id } : { profileId: pumpurs2017.id }),
    risks: [
      { id: `k-risk-${n}`, code: underSuccessor(i) ? 'other.added_1' : 'learning.difficulty_mastering', note: '' },
    ],
    measures: [
      {
        id: `k-measure-${n}`,
        kind: 'subject_consultation',
        riskIds: [`k-risk-${n}`],
        justification: 'Grūtības apgūt mācību saturu',
        subject: 'maths',
        staffId: 'k-teacher',
        plannedSessions: 5,
      },
    ] as never,
  }),
);
const consultations = ids.flatMap((n) =>
  ['05', '12', '19', '26'].map((day) =>
    consultation(
      `k-c-${n}-${day}`,
      { [`k-learner-${n}`]: 'attended' },
      {
        schoolId: SCHOOL.id,
        staffId: 'k-teacher',
        date: `2020-10-${day}`,
        planId: `k-plan-${n}`,
      },
    ),
  ),
);

describe.each(storeFactories)('the national report under two programme profiles on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let national: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    const push = async (collection: CollectionName, docs: readonly object[]) => {
      const rows = docs.map((d) => ({ assumedMasterState: null, newDocumentState: { _deleted: false, ...d } }));
      const result = await pushDocuments(store, collection, rows);
      expect(result.ok && result.written.length, collection).toBe(docs.length);
    };
    await push('municipalities', [{ id: 'kopiena', name: 'Kopienas novads', createdAt: AT, updatedAt: AT }]);
    await push('schools', [{ ...SCHOOL, stateFounded: false, createdAt: AT, updatedAt: AT }]);
    await push('profiles', [successor]);
    await push('learners', learners);
    await push('plans', plans);
    await push('consultations', consultations);
    national = await createTestUser(store, ['national_coordinator'], []);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const figures = async () => {
    const response = await app.inject({
      method: 'GET',
      url: `${NATIONAL_REPORT_PATH}?schoolYear=2020%2F2021&semester=1`,
      headers: national.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<NationalReportResponse>();
    const row = body.municipalities.find((m) => m.name === 'Kopienas novads');
    expect(row).toBeDefined();
    return { row: row!.figures, total: body.total };
  };

  it('judges each plan by its own profile’s delivered target: 6 of 12 meet it', async () => {
    const { row, total } = await figures();
    expect(row.deliveryMeasured).toBe(12);
    expect(row.meetsTarget).toEqual({ count: 6, share: 0.5 });
    expect(row.belowTarget).toEqual({ count: 6, share: 0.5 });
    expect(total.meetsTarget).toEqual({ count: 6, share: 0.5 });
  });

  it('heads the figures with the school year’s target (PuMPuRS 0.9), whatever order the plans come in', async () => {
    const { row } = await figures();
    expect(row.deliveryTarget).toBe(0.9);
  });

  it('counts the successor’s own risk in its group: 6 of the 12 learners', async () => {
    const { row } = await figures();
    expect(row.riskGroups.other).toEqual({ count: 6, share: 0.5 });
    expect(row.riskGroups.learning).toEqual({ count: 6, share: 0.5 });
  });
});
