import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEditEntry, SupportPlan } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
const LATER = '2026-11-25T10:04:00.000Z';

/**
 * Issue 9: a plan's history lists each content edit in the name of the person who made it. The server, in the push's
 * transaction, takes only edit entries in the pusher's own name, lets a person continue only their own entry, and
 * refuses entries on a plan whose content is locked.
 */
describe.each(storeFactories)('a plan’s edit log on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let marta: TestUser;
  let ilze: TestUser;
  let stored: SupportPlan;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    marta = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    ilze = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    stored = {
      id: 'plan-edits',
      createdAt: AT,
      updatedAt: AT,
      learnerId: 'learner-1',
      schoolId: 'school-1',
      schoolYear: '2026/2027',
      semester: 1,
      preparerIds: [marta.user.id, ilze.user.id],
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

  async function push(by: TestUser, next: SupportPlan) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/plans/push',
      headers: by.headers,
      payload: [
        {
          assumedMasterState: { ...stored, _deleted: false },
          newDocumentState: { ...next, updatedBy: by.user.id, _deleted: false },
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rejected: { reason: string }[] }>();
    if (body.rejected.length === 0) stored = { ...next, updatedBy: by.user.id };
    return body.rejected.map((r) => r.reason);
  }
  const onServer = async () =>
    (
      await store.query<{ data: SupportPlan }>(`SELECT data FROM documents WHERE collection = 'plans' AND id = $1`, [
        'plan-edits',
      ])
    )[0]?.data;
  const entry = (id: string, by: TestUser, parts: PlanEditEntry['parts'], at = AT): PlanEditEntry => ({
    id,
    firstAt: AT,
    at,
    byUserId: by.user.id,
    parts,
  });
  const moreSessions = (plan: SupportPlan, plannedSessions: number) => ({
    ...plan,
    measures: plan.measures.map((m) => ({ ...m, plannedSessions })),
  });

  it('takes an edit in the pusher’s own name and refuses one forged in a colleague’s, storing nothing of it', async () => {
    const first = await app.inject({
      method: 'POST',
      url: '/api/sync/plans/push',
      headers: marta.headers,
      payload: [
        { assumedMasterState: null, newDocumentState: { ...stored, updatedBy: marta.user.id, _deleted: false } },
      ],
    });
    expect(first.json()).toEqual({ conflicts: [], rejected: [] });
    stored = { ...stored, updatedBy: marta.user.id };

    expect(await push(marta, { ...moreSessions(stored, 8), edits: [entry('e1', marta, ['measuresChanged'])] })).toEqual(
      [],
    );
    const before = await onServer();
    // Marta's device claims Ilze changed the risks: refused, and the server keeps the plan as it was.
    const forged = {
      ...stored,
      risks: [],
      edits: [...(stored.edits ?? []), entry('e2', ilze, ['risks'])],
    };
    expect(await push(marta, forged)).toEqual(['planEditNotOwn']);
    expect(await onServer()).toEqual(before);
  });

  it('lets a person continue only their own entry, never rewrite a colleague’s', async () => {
    // Marta continues her run: the same entry, a later end, one part more.
    const continued = { ...stored, risks: [], edits: [entry('e1', marta, ['risks', 'measuresChanged'], LATER)] };
    expect(await push(marta, continued)).toEqual([]);
    // Ilze may add her own entry; she may not widen or drop Marta's.
    expect(
      await push(ilze, { ...moreSessions(stored, 10), edits: [entry('e1', ilze, ['measuresChanged'], LATER)] }),
    ).toEqual(['planEditRewritten']);
    expect(await push(ilze, { ...moreSessions(stored, 10), edits: [] })).toEqual(['planEditRewritten']);
    expect(
      await push(ilze, {
        ...moreSessions(stored, 10),
        edits: [...(stored.edits ?? []), entry('e3', ilze, ['measuresChanged'])],
      }),
    ).toEqual([]);
    expect((await onServer())?.edits?.map((e) => [e.id, e.parts])).toEqual([
      ['e1', ['risks', 'measuresChanged']],
      ['e3', ['measuresChanged']],
    ]);
  });

  it('takes no edit entry on a plan whose content is locked', async () => {
    const sent = {
      ...stored,
      status: 'in_approval' as const,
      risks: [{ id: 'r1', code: 'learning.low_achievement', note: '' }],
      measures: stored.measures.map((m) => ({ ...m, riskIds: ['r1'] })),
      history: [
        { id: 'submit-1', at: LATER, byUserId: marta.user.id, action: 'submit', toStatus: 'in_approval' as const },
      ],
    };
    expect(await push(marta, sent)).toEqual([]);
    expect(await push(marta, { ...stored, edits: [...(stored.edits ?? []), entry('e4', marta, ['risks'])] })).toEqual([
      'planContentLocked',
    ]);
  });
});
