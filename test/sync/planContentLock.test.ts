import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition, defaultProfile, saveMeasure, type SupportPlan } from '../../src/domain';
import { createPlan, updatePlan } from '../../src/db/plans';
import { useRejections } from '../../src/sync/rejections';
import { useSyncStatus } from '../../src/sync/syncStatus';
import { createTestUser, type TestUser } from '../fixtures/accounts';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

/**
 * Issue 8: once a plan is sent for approval its content is locked, on the server. One preparer, two devices: the
 * tablet sends the plan for approval while the phone, offline, gives a measure more sessions. When the phone comes
 * back its edit merges onto the plan in approval, and the server refuses that: the phone must end with a refusal it
 * shows (the plan page's refusal notice reads useRejections), its edit still there to see or discard, nothing left
 * waiting and no push repeated — and the server keeps the plan exactly as it was sent.
 */
describe.each(storeFactories)('an offline edit of a plan sent for approval meanwhile, on $name', (factory) => {
  let harness: SyncHarness;
  let preparer: TestUser;
  let tablet: TestClient;
  let phone: TestClient;
  let phonePushes = 0;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    preparer = await createTestUser(harness.store, ['teacher', 'plan_preparer'], ['school-1']);
    tablet = await harness.client('tablet', {}, ['plans'], preparer);
    phone = await harness.client('phone', {}, ['plans'], preparer);
    phone.faults.loseResponse = (url) => {
      if (url.includes('/plans/push')) phonePushes++;
      return false;
    };
  });
  afterAll(async () => harness?.close());

  const storedOnServer = async (id: string) =>
    (
      await harness.store.query<{ data: SupportPlan }>(
        `SELECT data FROM documents WHERE collection = 'plans' AND id = $1`,
        [id],
      )
    )[0]?.data;

  it('ends as a visible refusal on the phone, the server keeping the plan as sent', async () => {
    const created = await createPlan(tablet.db, {
      learnerId: 'learner-1',
      schoolId: 'school-1',
      semester: { schoolYear: '2026/2027', semester: 1 },
      preparerId: preparer.user.id,
    });
    await updatePlan(tablet.db, created.id, (p) => ({
      ...p,
      risks: [{ id: 'r1', code: 'learning.difficulty', note: '' }],
      measures: [
        {
          id: 'm1',
          kind: 'subject_consultation',
          riskIds: ['r1'],
          justification: 'Grūtības matemātikā',
          subject: 'maths',
          plannedSessions: 8,
        },
      ],
    }));
    await eventually(async () => {
      const onPhone = await phone.db.plans.findOne(created.id).exec();
      expect(onPhone?.measures.length).toBe(1);
    });

    phone.online = false;
    await updatePlan(phone.db, created.id, (p) => saveMeasure(p, { ...p.measures[0]!, plannedSessions: 30 }));

    const context = {
      actor: { userId: preparer.user.id, roles: preparer.user.roles, schoolIds: ['school-1'], municipalityIds: [] },
      school: { id: 'school-1', municipalityId: 'muni-1', stateFounded: false },
      learner: { programme: 'general' as const },
      profile: defaultProfile,
    };
    await updatePlan(tablet.db, created.id, (p, now) => {
      const sent = applyTransition(p, 'submit', context, { entryId: `submit-${created.id.slice(0, 8)}`, at: now });
      if (!sent.ok) throw new Error(JSON.stringify(sent.problems));
      return sent.plan;
    });
    await eventually(async () => expect((await storedOnServer(created.id))?.status).toBe('in_approval'));
    const sentForApproval = await storedOnServer(created.id);

    phone.online = true;
    phone.replication.resync();
    await eventually(async () => {
      expect(useRejections.getState().byDocument[`plans/${created.id}`]?.reason).toBe('planContentLocked');
      expect(useSyncStatus.getState().pending).toBe(0);
    });

    // The server holds the plan as it was sent; the phone holds the merge (in approval, with its edit) to show.
    expect(await storedOnServer(created.id)).toEqual(sentForApproval);
    expect(sentForApproval?.measures[0]?.plannedSessions).toBe(8);
    const onPhone = (await phone.db.plans.findOne(created.id).exec())?.toJSON();
    expect({ status: onPhone?.status, sessions: onPhone?.measures[0]?.plannedSessions }).toEqual({
      status: 'in_approval',
      sessions: 30,
    });

    // No loop: the refused push is not sent again while nothing changes.
    const pushesAfterRefusal = phonePushes;
    await new Promise((r) => setTimeout(r, 1500));
    expect(phonePushes).toBe(pushesAfterRefusal);
    expect(useRejections.getState().byDocument[`plans/${created.id}`]?.reason).toBe('planContentLocked');
  });
});
