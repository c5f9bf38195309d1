import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition, defaultProfile, saveMeasure, type SupportPlan } from '../../src/domain';
import { createPlan, updatePlan } from '../../src/db/plans';
import { useRejections } from '../../src/sync/rejections';
import { takeUpRefusedChange } from '../../src/sync/discard';
import { openServerState } from '../../src/sync/refusalSeal';
import { pushPath } from '../../src/sync/protocol';
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
  let director: TestUser;
  let tablet: TestClient;
  let phone: TestClient;
  let phonePushes = 0;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    preparer = await createTestUser(harness.store, ['teacher', 'plan_preparer'], ['school-1']);
    director = await createTestUser(harness.store, ['director'], ['school-1']);
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

  let planId = '';
  const context = (user: TestUser) => ({
    actor: { userId: user.user.id, roles: user.user.roles, schoolIds: ['school-1'], municipalityIds: [] },
    school: { id: 'school-1', municipalityId: 'muni-1', stateFounded: false },
    learner: { programme: 'general' as const },
    profile: defaultProfile,
  });

  it('ends as a visible refusal on the phone, the server keeping the plan as sent', async () => {
    const created = await createPlan(tablet.db, {
      learnerId: 'learner-1',
      schoolId: 'school-1',
      semester: { schoolYear: '2026/2027', semester: 1 },
      preparerId: preparer.user.id,
    });
    await updatePlan(tablet.db, created.id, (p) => ({
      ...p,
      risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
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

    await updatePlan(tablet.db, created.id, (p, now) => {
      const sent = applyTransition(p, 'submit', context(preparer), {
        entryId: `submit-${created.id.slice(0, 8)}`,
        at: now,
      });
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
    planId = created.id;
  });

  /**
   * Issue 9: the server's next version of the refused plan (the director returns it to the preparer) replaces the
   * refused edit on the phone — RxDB took the refused push as sent. The person's 30 sessions must still be theirs to
   * take up or discard; taken up, the edit merges onto the newest version and, the plan back in draft, is accepted.
   */
  it('keeps the refused edit to take up or discard after the server’s newer version arrived', async () => {
    const phoneOnServer = async () => (await phone.db.plans.findOne(planId).exec())?.toJSON();
    // The director's own device, pushing as the app does (a second replication in this process would share the
    // phone's refusal store, which one device never does).
    const sent = await storedOnServer(planId);
    if (!sent) throw new Error('not on the server');
    const at = new Date().toISOString();
    const step = applyTransition(sent, 'return', context(director), {
      entryId: `return-${planId.slice(0, 8)}`,
      at,
      reason: 'Precizējiet nodarbību skaitu',
    });
    if (!step.ok) throw new Error(JSON.stringify(step.problems));
    const returned = { ...step.plan, updatedAt: at, updatedBy: director.user.id };
    const response = await fetch(`${harness.url}${pushPath('plans')}`, {
      method: 'POST',
      headers: { ...director.headers, 'content-type': 'application/json' },
      body: JSON.stringify([
        { assumedMasterState: { ...sent, _deleted: false }, newDocumentState: { ...returned, _deleted: false } },
      ]),
    });
    expect(await response.json()).toEqual({ conflicts: [], rejected: [] });
    await eventually(async () => expect((await phoneOnServer())?.status).toBe('draft'));
    expect((await phoneOnServer())?.measures[0]?.plannedSessions).toBe(8);

    // Still refused, and the person's own value is still on the device (sealed), though the record no longer holds it.
    const refusal = useRejections.getState().byDocument[`plans/${planId}`];
    expect(refusal?.reason).toBe('planContentLocked');
    expect(refusal?.superseded).toBe(true);
    const mine = await openServerState(phone.db.name, 'plans', planId, refusal?.sealedRefusedState ?? '', 'refused');
    expect((mine?.measures as { plannedSessions: number }[] | undefined)?.[0]?.plannedSessions).toBe(30);

    // Taken up: merged onto the newest version (the return stays), sent again, and now, in draft, accepted.
    if (!refusal) throw new Error('no refusal');
    await takeUpRefusedChange(phone.db, refusal);
    await eventually(async () => {
      const onServer = await storedOnServer(planId);
      expect({ status: onServer?.status, sessions: onServer?.measures[0]?.plannedSessions }).toEqual({
        status: 'draft',
        sessions: 30,
      });
      expect(useRejections.getState().byDocument[`plans/${planId}`]).toBeUndefined();
      expect(useSyncStatus.getState().pending).toBe(0);
    });
  });
});
