import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Learner, PlanHistoryEntry, PlanStatus, SupportPlan } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
const LATER = '2026-12-18T10:00:00.000Z';

/**
 * Issue 8: an approval cannot be bypassed by changing the plan after it. The lifecycle in shared/domain.md, written
 * out: a plan's content (its risks and measures) is drawn up in a draft (Projekts) and changed under revision
 * (Pārskatīšanā), which goes back through approval; in approval (Saskaņošanā), approved (Apstiprināts), in progress
 * (Īstenošanā) or suspended (Apturēts) it stays as it was sent and approved. At the semester's end a running plan is
 * evaluated. So a preparer's push of more planned sessions, a larger amount or a new justification is refused in the
 * four statuses after preparation and taken in the two of preparation.
 */
const EXPECTED: { status: PlanStatus; accepted: boolean }[] = [
  { status: 'draft', accepted: true },
  { status: 'under_revision', accepted: true },
  { status: 'in_approval', accepted: false },
  { status: 'approved', accepted: false },
  { status: 'in_progress', accepted: false },
  { status: 'suspended', accepted: false },
];

type Edit = { name: string; change: (p: SupportPlan) => SupportPlan };
const EDITS: Edit[] = [
  {
    name: 'more planned sessions',
    change: (p) => ({ ...p, measures: p.measures.map((m) => (m.id === 'm1' ? { ...m, plannedSessions: 30 } : m)) }),
  },
  {
    name: 'a larger monthly amount',
    change: (p) => ({
      ...p,
      measures: p.measures.map((m) => (m.id === 'm2' ? { ...m, plannedMonthlyCents: 7000 } : m)),
    }),
  },
  {
    name: 'a new justification',
    change: (p) => ({ ...p, measures: p.measures.map((m) => ({ ...m, justification: 'Cits plāns' })) }),
  },
  { name: 'a risk removed', change: (p) => ({ ...p, risks: p.risks.slice(0, 1) }) },
];

describe.each(storeFactories)('a plan’s content after preparation, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let preparer: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    const learner = {
      id: 'learner-1',
      createdAt: AT,
      updatedAt: AT,
      schoolId: 'school-1',
      firstName: 'Anna',
      lastName: 'Ozola',
      className: '7.a',
      programme: 'general',
      guardians: [],
      archived: false,
    } satisfies Learner;
    const seeded = await pushDocuments(store, 'learners', [
      { assumedMasterState: null, newDocumentState: { ...learner, _deleted: false } },
    ]);
    expect(seeded.ok).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  /** A plan stored in a status (written as the server's own data, not through a person's push). */
  async function storedPlan(id: string, status: PlanStatus): Promise<SupportPlan> {
    const plan: SupportPlan = {
      id,
      createdAt: AT,
      updatedAt: AT,
      learnerId: 'learner-1',
      schoolId: 'school-1',
      schoolYear: '2026/2027',
      semester: 1,
      preparerIds: [preparer.user.id],
      status,
      risks: [
        { id: 'r1', code: 'learning.difficulty_mastering', note: '' },
        { id: 'r2', code: 'economic.meals', note: '' },
      ],
      measures: [
        {
          id: 'm1',
          kind: 'subject_consultation',
          riskIds: ['r1'],
          justification: 'Grūtības matemātikā',
          subject: 'maths',
          plannedSessions: 8,
        },
        {
          id: 'm2',
          kind: 'compensation',
          riskIds: ['r2'],
          justification: 'Ēdināšana',
          compensationCategory: 'meals',
          plannedMonthlyCents: 3000,
        },
      ],
      history: [{ id: `${id}-created`, at: AT, byUserId: preparer.user.id, action: 'created', toStatus: 'draft' }],
    };
    const seeded = await pushDocuments(store, 'plans', [
      { assumedMasterState: null, newDocumentState: { ...plan, _deleted: false } },
    ]);
    expect(seeded.ok && seeded.rejected).toEqual([]);
    return plan;
  }

  async function push(before: SupportPlan, after: SupportPlan): Promise<string[]> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/plans/push',
      headers: preparer.headers,
      payload: [
        {
          assumedMasterState: { ...before, _deleted: false },
          newDocumentState: { ...after, updatedAt: LATER, updatedBy: preparer.user.id, _deleted: false },
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rejected: { reason: string }[]; conflicts: unknown[] }>();
    expect(body.conflicts).toEqual([]);
    return body.rejected.map((r) => r.reason);
  }

  async function storedNow(id: string): Promise<SupportPlan> {
    const [row] = await store.query<{ data: SupportPlan }>(
      `SELECT data FROM documents WHERE collection = 'plans' AND id = $1`,
      [id],
    );
    return row!.data;
  }

  const rows = EXPECTED.flatMap(({ status, accepted }) => EDITS.map((edit, n) => ({ status, accepted, edit, n })));
  it.each(rows)('$status, $edit.name: accepted $accepted', async ({ status, accepted, edit, n }) => {
    const id = `plan-${status}-${n}`;
    const before = await storedPlan(id, status);
    const after = edit.change(before);
    const reasons = await push(before, after);
    const now = await storedNow(id);
    if (accepted) {
      expect(reasons).toEqual([]);
      expect({ risks: now.risks, measures: now.measures }).toEqual({ risks: after.risks, measures: after.measures });
    } else {
      expect(reasons).toEqual(['planContentLocked']);
      // Nothing of the push is kept: the plan is the one that was sent and approved.
      expect(now).toEqual(before);
    }
  });

  const entry = (id: string, action: string, fromStatus?: PlanStatus, toStatus?: PlanStatus): PlanHistoryEntry => ({
    id,
    at: LATER,
    byUserId: preparer.user.id,
    action,
    ...(fromStatus ? { fromStatus } : {}),
    ...(toStatus ? { toStatus } : {}),
    ...(action === 'revise' ? { reason: 'Jāmaina plānotais' } : {}),
  });

  it('an evaluation of a plan in progress is accepted, with its entry', async () => {
    const before = await storedPlan('plan-evaluated', 'in_progress');
    const evaluation = {
      deliveredShare: 0.92,
      outcome: 'improved' as const,
      note: 'Mazāk nepietiekamu vērtējumu',
      evaluatedAt: LATER,
      evaluatedBy: preparer.user.id,
    };
    const after = { ...before, evaluation, history: [...before.history, entry('plan-evaluated-e', 'evaluate')] };
    expect(await push(before, after)).toEqual([]);
    const now = await storedNow('plan-evaluated');
    expect(now.evaluation).toEqual(evaluation);
    expect(now.measures).toEqual(before.measures);
  });

  it('an evaluation that also changes a measure is refused whole', async () => {
    const before = await storedPlan('plan-evaluated-more', 'in_progress');
    const after = {
      ...EDITS[0]!.change(before),
      evaluation: {
        deliveredShare: 1,
        outcome: 'improved' as const,
        note: '',
        evaluatedAt: LATER,
        evaluatedBy: preparer.user.id,
      },
      history: [...before.history, entry('plan-evaluated-more-e', 'evaluate')],
    };
    expect(await push(before, after)).toEqual(['planContentLocked']);
    expect(await storedNow('plan-evaluated-more')).toEqual(before);
  });

  it('an approved plan sent for revision in the same push may be changed: it goes back through approval', async () => {
    const before = await storedPlan('plan-revised', 'approved');
    const changed = EDITS[0]!.change(before);
    const after: SupportPlan = {
      ...changed,
      status: 'under_revision',
      statusReason: 'Jāmaina plānotais',
      history: [...before.history, entry('plan-revised-r', 'revise', 'approved', 'under_revision')],
    };
    expect(await push(before, after)).toEqual([]);
    const now = await storedNow('plan-revised');
    expect({ status: now.status, sessions: now.measures[0]?.plannedSessions }).toEqual({
      status: 'under_revision',
      sessions: 30,
    });
  });
});
