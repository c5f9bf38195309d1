import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanHistoryEntry, PlanStatus, SupportPlan } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';

/** The server lets a plan's status move only along the workflow, whoever pushes it. */
describe.each(storeFactories)('plan status steps on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let preparer: TestUser;
  let director: TestUser;
  let stored: SupportPlan;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    director = await createTestUser(store, ['director'], ['school-1']);
    stored = {
      id: 'plan-1',
      createdAt: AT,
      updatedAt: AT,
      learnerId: 'learner-1',
      schoolId: 'school-1',
      schoolYear: '2026/2027',
      semester: 1,
      preparerIds: [preparer.user.id],
      status: 'draft',
      risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }],
      measures: [
        {
          id: 'm1',
          kind: 'subject_consultation',
          riskIds: ['r1'],
          justification: 'Zemi vērtējumi',
          subject: 'maths',
          plannedSessions: 6,
        },
      ],
      history: [],
    };
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const step = (action: string, toStatus: PlanStatus, by: TestUser): PlanHistoryEntry => ({
    id: `${action}-${Math.random().toString(36).slice(2, 8)}`,
    at: AT,
    byUserId: by.user.id,
    action,
    toStatus,
  });
  async function push(by: TestUser, next: SupportPlan, assumed: SupportPlan | null) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/plans/push',
      headers: by.headers,
      payload: [
        {
          assumedMasterState: assumed ? { ...assumed, _deleted: false } : null,
          newDocumentState: { ...next, _deleted: false },
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rejected: { reason: string }[] }>();
    if (body.rejected.length === 0) stored = next;
    return body.rejected.map((r) => r.reason);
  }

  it('takes a new draft, refuses a preparer’s self-approval, then follows submit and the director', async () => {
    expect(await push(preparer, stored, null)).toEqual([]);
    expect(
      await push(preparer, { ...stored, status: 'approved', history: [step('approve', 'approved', preparer)] }, stored),
    ).toEqual(['planStepNotAllowed']);
    expect(await push(preparer, { ...stored, status: 'approved', history: [] }, stored)).toEqual([
      'planStepNotAllowed',
    ]);

    expect(
      await push(
        preparer,
        { ...stored, status: 'in_approval', history: [step('submit', 'in_approval', preparer)] },
        stored,
      ),
    ).toEqual([]);
    // A municipal school: the director's approval leaves it waiting for the municipality, it does not approve it.
    expect(
      await push(
        director,
        { ...stored, status: 'approved', history: [...stored.history, step('approve', 'approved', director)] },
        stored,
      ),
    ).toEqual(['planStepNotAllowed']);
    expect(
      await push(
        director,
        { ...stored, history: [...stored.history, step('approve', 'in_approval', director)] },
        stored,
      ),
    ).toEqual([]);
    const [row] = await store.query<{ data: SupportPlan }>(
      `SELECT data FROM documents WHERE collection = 'plans' AND id = 'plan-1'`,
    );
    expect(row?.data.status).toBe('in_approval');
    expect(row?.data.history.map((h) => h.action)).toEqual(['submit', 'approve']);
  });

  it('lets the preparer take back a plan sent by mistake, only before anyone approved it (issue 13.7)', async () => {
    const draft: SupportPlan = { ...stored, id: 'plan-3', status: 'draft', history: [] };
    expect(await push(preparer, draft, null)).toEqual([]);
    const sent: SupportPlan = { ...draft, status: 'in_approval', history: [step('submit', 'in_approval', preparer)] };
    expect(await push(preparer, sent, draft)).toEqual([]);
    // Another teacher of the school may not take it back.
    const otherTeacher = await createTestUser(store, ['teacher'], ['school-1']);
    const takenBy = (by: TestUser, from: SupportPlan) => ({
      ...from,
      status: 'draft' as const,
      history: [...from.history, step('withdraw', 'draft', by)],
    });
    expect(await push(otherTeacher, takenBy(otherTeacher, sent), sent)).toEqual(['notPreparer']);
    expect(await push(preparer, takenBy(preparer, sent), sent)).toEqual([]);
    const [row] = await store.query<{ data: SupportPlan }>(
      `SELECT data FROM documents WHERE collection = 'plans' AND id = 'plan-3'`,
    );
    expect(row?.data.status).toBe('draft');
    expect(row?.data.history.map((h) => h.action)).toEqual(['submit', 'withdraw']);

    // Sent again and approved by the director: from here the approvers return it; the preparer cannot take it back.
    const withdrawn = row!.data;
    const again: SupportPlan = {
      ...withdrawn,
      status: 'in_approval',
      history: [...withdrawn.history, step('submit', 'in_approval', preparer)],
    };
    expect(await push(preparer, again, withdrawn)).toEqual([]);
    const approved: SupportPlan = { ...again, history: [...again.history, step('approve', 'in_approval', director)] };
    expect(await push(director, approved, again)).toEqual([]);
    expect(await push(preparer, takenBy(preparer, approved), approved)).toEqual(['planStepNotAllowed']);
  });

  it('refuses a new plan that arrives already approved', async () => {
    expect(await push(preparer, { ...stored, id: 'plan-2', status: 'approved', history: [] }, null)).toEqual([
      'planStepNotAllowed',
    ]);
  });
});
