import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mergeDocuments,
  type Compensation,
  type Learner,
  type PlanHistoryEntry,
  type SupportPlan,
} from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
type Wire = Record<string, unknown>;

/**
 * Issue 8, items 4, 5, 6 (status) and 10 through the real push route: an append-only plan history, no approval of
 * one's own plan, compensations that move one way, and plans prepared only by holders of the preparer role.
 */
describe.each(storeFactories)('plan and compensation rules on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let preparer: TestUser;
  let teacher: TestUser;
  let director: TestUser;
  let preparingDirector: TestUser;
  let directorCoordinator: TestUser;
  let municipal: TestUser;
  let social: TestUser;
  let n = 0;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [{ id: 'school-1', municipalityId: 'muni-1' }]);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    teacher = await createTestUser(store, ['teacher'], ['school-1']);
    director = await createTestUser(store, ['director'], ['school-1']);
    preparingDirector = await createTestUser(store, ['director', 'plan_preparer'], ['school-1']);
    directorCoordinator = await createTestUser(store, ['director', 'school_coordinator'], ['school-1']);
    municipal = await createTestUser(store, ['municipal_coordinator'], [], { municipalityId: 'muni-1' });
    social = await createTestUser(store, ['social_pedagogue'], ['school-1']);
    const learner: Learner = {
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
    } as Learner;
    const stored = await pushDocuments(store, 'learners', [
      { assumedMasterState: null, newDocumentState: { ...learner, _deleted: false } },
    ]);
    expect(stored.ok).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const entry = (action: string, by: TestUser, extra: Partial<PlanHistoryEntry> = {}): PlanHistoryEntry => ({
    id: `h-${++n}`,
    at: AT,
    byUserId: by.user.id,
    action,
    ...extra,
  });
  const draft = (id: string, preparers: TestUser[]): SupportPlan => ({
    id,
    createdAt: AT,
    updatedAt: AT,
    learnerId: 'learner-1',
    schoolId: 'school-1',
    schoolYear: '2026/2027',
    semester: 1,
    preparerIds: preparers.map((p) => p.user.id),
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
    history: [entry('created', preparers[0]!, { toStatus: 'draft' })],
  });

  async function push(collection: string, by: TestUser, next: Wire, assumed: Wire | null) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: by.headers,
      payload: [
        {
          assumedMasterState: assumed ? { ...assumed, _deleted: assumed._deleted ?? false } : null,
          newDocumentState: { _deleted: false, ...next },
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ rejected: { reason: string }[]; conflicts: Wire[] }>();
  }
  const reasons = async (collection: string, by: TestUser, next: Wire, assumed: Wire | null) =>
    (await push(collection, by, next, assumed)).rejected.map((r) => r.reason);
  async function storedDoc<T>(collection: string, id: string): Promise<T> {
    const [row] = await store.query<{ data: T }>(`SELECT data FROM documents WHERE collection = $1 AND id = $2`, [
      collection,
      id,
    ]);
    return row!.data;
  }
  /** A plan sent for approval by its preparer, as stored. */
  async function submittedPlan(id: string, preparers: TestUser[], submitter: TestUser = preparers[0]!) {
    const plan = draft(id, preparers);
    expect(await reasons('plans', preparers[0]!, plan as unknown as Wire, null)).toEqual([]);
    const sent = {
      ...plan,
      status: 'in_approval' as const,
      history: [...plan.history, entry('submit', submitter, { toStatus: 'in_approval' })],
    };
    expect(await reasons('plans', submitter, sent as unknown as Wire, plan as unknown as Wire)).toEqual([]);
    return storedDoc<SupportPlan>('plans', id);
  }

  describe('8.4: the history is append-only', () => {
    it('a municipal coordinator cannot plant a director’s approval under an old id, then approve', async () => {
      const stored = await submittedPlan('plan-forge', [preparer]);
      const planted = {
        ...stored,
        history: [
          ...stored.history,
          { id: stored.history[0]!.id, at: AT, byUserId: director.user.id, action: 'approve' },
        ],
      };
      expect(await reasons('plans', municipal, planted, stored as unknown as Wire)).toEqual(['planStepNotAllowed']);
      const rewritten = {
        ...stored,
        history: [
          { id: stored.history[0]!.id, at: AT, byUserId: director.user.id, action: 'approve' },
          stored.history[1],
        ],
      };
      expect(await reasons('plans', municipal, rewritten, stored as unknown as Wire)).toEqual(['planStepNotAllowed']);
      const approved = {
        ...stored,
        status: 'approved',
        history: [...stored.history, entry('approve', municipal, { toStatus: 'approved' })],
      };
      expect(await reasons('plans', municipal, approved, stored as unknown as Wire)).toEqual(['planStepNotAllowed']);
      expect(await storedDoc('plans', 'plan-forge')).toEqual(stored);
    });

    it('a preparer cannot rewrite an entry’s author or date, nor erase the history', async () => {
      const stored = await submittedPlan('plan-rewrite', [preparer]);
      const [created, submit] = stored.history as [PlanHistoryEntry, PlanHistoryEntry];
      for (const history of [
        [created, { ...submit, byUserId: director.user.id }],
        [created, { ...submit, at: '2026-09-01T08:00:00.000Z' }],
        [submit, created],
        [created],
        [],
      ]) {
        expect(await reasons('plans', preparer, { ...stored, history }, stored as unknown as Wire)).toEqual([
          'planStepNotAllowed',
        ]);
      }
      expect(await storedDoc('plans', 'plan-rewrite')).toEqual(stored);
    });

    it('two devices appending offline: the device’s merge gives a history the server takes', async () => {
      const base = await submittedPlan('plan-two-devices', [preparer]);
      const approvedHere = {
        ...base,
        history: [...base.history, entry('approve', director, { toStatus: 'in_approval' })],
      };
      expect(await reasons('plans', director, approvedHere, base as unknown as Wire)).toEqual([]);
      // Meanwhile, offline, the preparer noted something on the plan in their own name.
      const local = { ...base, history: [...base.history, entry('note', preparer)], _deleted: false };
      const answer = await push('plans', preparer, local, base as unknown as Wire);
      expect(answer.rejected).toEqual([]);
      const [remote] = answer.conflicts as [Wire];
      const { merged } = mergeDocuments({ ...base, _deleted: false } as Wire, local as unknown as Wire, remote);
      expect(await reasons('plans', preparer, merged, remote)).toEqual([]);
      const stored = await storedDoc<SupportPlan>('plans', 'plan-two-devices');
      expect(stored.history.map((h) => h.action)).toEqual(['created', 'submit', 'approve', 'note']);
    });
    it('one preparer sending the same draft from two devices: the merged plan is taken, with one submit', async () => {
      const base = draft('plan-sent-twice', [preparer]);
      expect(await reasons('plans', preparer, base as unknown as Wire, null)).toEqual([]);
      const sentFrom = (device: string) => ({
        ...base,
        status: 'in_approval' as const,
        updatedAt: device === 'phone' ? '2026-11-25T10:01:00.000Z' : '2026-11-25T10:02:00.000Z',
        history: [...base.history, entry('submit', preparer, { fromStatus: 'draft', toStatus: 'in_approval' })],
        _deleted: false,
      });
      expect(await reasons('plans', preparer, sentFrom('phone'), base as unknown as Wire)).toEqual([]);
      const tablet = sentFrom('tablet');
      const answer = await push('plans', preparer, tablet, base as unknown as Wire);
      const [remote] = answer.conflicts as [Wire];
      const { merged, conflicts } = mergeDocuments({ ...base, _deleted: false } as Wire, tablet as Wire, remote);
      expect(conflicts.map((c) => c.path)).toEqual([`history[${tablet.history[1]!.id}]`]);
      expect(await reasons('plans', preparer, merged, remote)).toEqual([]);
      const stored = await storedDoc<SupportPlan>('plans', 'plan-sent-twice');
      expect(stored.history.map((h) => h.action)).toEqual(['created', 'submit']);
    });
  });

  describe('8.5: no one approves a plan they prepared or submitted', () => {
    it('a director who prepares the plan may not approve it; another director may', async () => {
      const stored = await submittedPlan('plan-own', [preparer, preparingDirector]);
      const step = (by: TestUser) => ({
        ...stored,
        history: [...stored.history, entry('approve', by, { toStatus: 'in_approval' })],
      });
      expect(await reasons('plans', preparingDirector, step(preparingDirector), stored as unknown as Wire)).toEqual([
        'planStepNotAllowed',
      ]);
      expect(await reasons('plans', director, step(director), stored as unknown as Wire)).toEqual([]);
    });

    it('a director who sent the plan for approval may not approve it, but may return it', async () => {
      const stored = await submittedPlan('plan-sent', [preparer], directorCoordinator);
      const approve = {
        ...stored,
        history: [...stored.history, entry('approve', directorCoordinator, { toStatus: 'in_approval' })],
      };
      expect(await reasons('plans', directorCoordinator, approve, stored as unknown as Wire)).toEqual([
        'planStepNotAllowed',
      ]);
      const returned = {
        ...stored,
        status: 'draft',
        statusReason: 'Jāpapildina',
        history: [
          ...stored.history,
          entry('return', directorCoordinator, { toStatus: 'draft', reason: 'Jāpapildina' }),
        ],
      };
      expect(await reasons('plans', directorCoordinator, returned, stored as unknown as Wire)).toEqual([]);
    });
  });

  describe('8.6: a compensation’s status moves one way', () => {
    it('forward is taken, backward and a changed approved amount are refused', async () => {
      const requested: Compensation = {
        id: 'comp-1',
        createdAt: AT,
        updatedAt: AT,
        schoolId: 'school-1',
        learnerId: 'learner-1',
        planId: '',
        category: 'meals',
        month: '2026-11',
        amountCents: 3000,
        status: 'requested',
        note: '',
      };
      const c = requested as unknown as Wire;
      expect(await reasons('compensations', social, c, null)).toEqual([]);
      const approved = { ...c, status: 'approved' };
      expect(await reasons('compensations', social, approved, c)).toEqual([]);
      expect(await reasons('compensations', social, { ...approved, status: 'requested' }, approved)).toEqual([
        'compensationOneWay',
      ]);
      expect(await reasons('compensations', social, { ...approved, amountCents: 2000 }, approved)).toEqual([
        'compensationOneWay',
      ]);
      const paid = { ...approved, status: 'paid' };
      expect(await reasons('compensations', social, paid, approved)).toEqual([]);
      expect(await reasons('compensations', social, { ...paid, status: 'approved' }, paid)).toEqual([
        'compensationOneWay',
      ]);
      expect(await reasons('compensations', social, { ...paid, _deleted: true }, paid)).toEqual(['compensationOneWay']);
      expect((await storedDoc<Compensation>('compensations', 'comp-1')).status).toBe('paid');
    });
  });

  describe('8.10: plans are prepared by the plan preparer role', () => {
    it('a teacher without the role cannot start a plan naming themselves as preparer; a preparer can', async () => {
      const byTeacher = draft('plan-by-teacher', [teacher]);
      expect(await reasons('plans', teacher, byTeacher as unknown as Wire, null)).toEqual(['roleNotAllowed']);
      const byPreparer = draft('plan-by-preparer', [preparer]);
      expect(await reasons('plans', preparer, byPreparer as unknown as Wire, null)).toEqual([]);
      const [row] = await store.query(`SELECT 1 FROM documents WHERE collection = 'plans' AND id = 'plan-by-teacher'`);
      expect(row).toBeUndefined();
    });
  });
});
