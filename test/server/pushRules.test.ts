import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compensation, ConfidentialNote, Consultation, Learner, Schedule, SupportPlan } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import {
  attendee,
  compensation as aCompensation,
  consultation as aConsultation,
  learner,
  newRow,
  note as aNote,
  plan as aPlan,
  schedule as aSchedule,
  wire,
} from '../fixtures/documents';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
let n = 0;
const fresh = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

// The documents these cases push, each from its fixture builder: only what the rules look at is named here.
const stamp = { createdAt: AT, updatedAt: AT };
const note = (authorId: string, learnerId: string, overrides: Partial<ConfidentialNote> = {}): ConfidentialNote =>
  aNote({ id: fresh('note'), ...stamp, learnerId, authorId, date: '2026-11-25', ...overrides });
const compensation = (learnerId: string, overrides: Partial<Compensation> = {}): Compensation =>
  aCompensation({ id: fresh('comp'), ...stamp, learnerId, month: '2026-11', ...overrides });
const plan = (preparerId: string, learnerId: string, overrides: Partial<SupportPlan> = {}): SupportPlan =>
  aPlan({ id: fresh('plan'), ...stamp, learnerId, preparerIds: [preparerId], ...overrides });
const consultation = (staffId: string, learnerIds: string[]): Consultation =>
  aConsultation({
    id: fresh('cons'),
    ...stamp,
    staffId,
    date: '2026-11-25',
    startTime: '14:00',
    attendees: learnerIds.map((learnerId) => attendee(learnerId)),
  });
const schedule = (staffId: string, learnerIds: string[]): Schedule =>
  aSchedule({ id: fresh('sched'), ...stamp, staffId, learnerIds });

interface PushAnswer {
  status: number;
  conflicts: { id: string }[];
  rejected: { id: string; reason: string }[];
  error?: string;
  details?: { row: number; path: string; message: string }[];
}

describe.each(storeFactories)('push rules on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let psychologist: TestUser;
  let colleague: TestUser;
  let teacher: TestUser;
  let keeper: TestUser;
  let preparer: TestUser;
  let admin: TestUser;
  const own: Learner = learner({ id: 'learner-own', schoolId: 'school-1' });
  const ownSecond: Learner = learner({ id: 'learner-own-2', schoolId: 'school-1' });
  const elsewhere: Learner = learner({ id: 'learner-elsewhere', schoolId: 'school-2' });

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'school-1', municipalityId: 'muni-1' },
      { id: 'school-2', municipalityId: 'muni-1' },
    ]);
    psychologist = await createTestUser(store, ['psychologist'], ['school-1']);
    colleague = await createTestUser(store, ['psychologist'], ['school-1']);
    teacher = await createTestUser(store, ['teacher'], ['school-1']);
    keeper = await createTestUser(store, ['social_pedagogue'], ['school-1']);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    admin = await createTestUser(store, ['administrator'], []);
    await pushDocuments(store, 'learners', [newRow(own), newRow(ownSecond), newRow(elsewhere)]);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  async function push(by: TestUser, collection: string, rows: unknown): Promise<PushAnswer> {
    const response = await app.inject({
      method: 'POST',
      url: `/api/sync/${collection}/push`,
      headers: by.headers,
      payload: rows as object,
    });
    return { status: response.statusCode, conflicts: [], rejected: [], ...response.json<Partial<PushAnswer>>() };
  }
  const storedData = async (collection: string, id: string) =>
    (
      await store.query<{ data: Record<string, unknown> }>(
        'SELECT data FROM documents WHERE collection = $1 AND id = $2',
        [collection, id],
      )
    )[0]?.data;

  describe('8.1 a push never hands over a record its pusher may not read', () => {
    let secret: ConfidentialNote;
    beforeAll(async () => {
      secret = note(psychologist.user.id, own.id, { body: 'Konfidenciāls: ģimenes situācija' });
      expect(await push(psychologist, 'notes', [newRow(secret)])).toMatchObject({ status: 200, rejected: [] });
    });

    // The oracle: whatever the stored record, the answer equals the answer for the same push under an id nobody
    // uses — except that a push which would then be accepted is refused, and says no more than that.
    const sameDocumentUnderUnusedId = (doc: ConfidentialNote) => ({ ...doc, id: fresh('unused') });
    const withoutIds = (answer: PushAnswer) => ({
      status: answer.status,
      conflicts: answer.conflicts,
      reasons: answer.rejected.map((r) => r.reason),
    });

    it.each([
      ['a teacher (may not write notes) creating a note', () => teacher, () => note(teacher.user.id, own.id)],
      ['a colleague pushing an exact copy of the stored note', () => colleague, () => secret],
      ['an administrator pushing an exact copy', () => admin, () => secret],
    ])('%s under the note’s id learns nothing the unused id would not tell', async (_, by, doc) => {
      const taken = await push(by(), 'notes', [newRow({ ...doc(), id: secret.id })]);
      const unused = await push(by(), 'notes', [newRow(sameDocumentUnderUnusedId(doc()))]);
      expect(withoutIds(taken)).toEqual(withoutIds(unused));
      expect(JSON.stringify(taken)).not.toContain('ģimenes');
    });

    it('refuses, without a conflict, a push that would be accepted under an unused id', async () => {
      const mine = note(colleague.user.id, 'learner-own');
      const unused = await push(colleague, 'notes', [newRow({ ...mine, id: fresh('unused') })]);
      expect(unused).toMatchObject({ status: 200, conflicts: [], rejected: [] });
      // With a stale assumed state, as a device holding an old copy would send it.
      const taken = await push(colleague, 'notes', [
        { assumedMasterState: wire({ ...secret, body: 'old' }), newDocumentState: wire({ ...mine, id: secret.id }) },
      ]);
      expect(taken).toEqual({ status: 200, conflicts: [], rejected: [{ id: secret.id, reason: 'idNotAvailable' }] });
      expect(await storedData('notes', secret.id)).toMatchObject({ body: secret.body, authorId: secret.authorId });
    });

    it('audits a colleague’s shared note handed over as a conflict, as a pull would', async () => {
      const shared = note(psychologist.user.id, own.id, { sharedWithSupportTeam: true });
      await push(psychologist, 'notes', [newRow(shared)]);
      const answer = await push(colleague, 'notes', [newRow({ ...shared, authorId: colleague.user.id })]);
      expect(answer.conflicts).toEqual([expect.objectContaining({ id: shared.id })]);
      const audited = await store.query(
        `SELECT 1 FROM audit_entries WHERE action = 'receive_confidential' AND user_id = $1 AND document_id = $2`,
        [colleague.user.id, shared.id],
      );
      expect(audited).toHaveLength(1);
    });

    it('still returns a real conflict the pusher may read', async () => {
      const mine = learner({ schoolId: 'school-1' });
      await push(teacher, 'learners', [newRow(mine)]);
      const stale = await push(teacher, 'learners', [
        {
          assumedMasterState: wire({ ...mine, className: '1.a' }),
          newDocumentState: wire({ ...mine, className: '9.c' }),
        },
      ]);
      expect(stale.conflicts).toEqual([expect.objectContaining({ id: mine.id, className: mine.className })]);
    });
  });

  describe('8.6 a plan with money paid on it cannot be deleted', () => {
    it('refuses the tombstone of a plan with a paid compensation, accepts one without', async () => {
      const paidPlan = plan(preparer.user.id, own.id);
      const freePlan = plan(preparer.user.id, own.id);
      expect(await push(preparer, 'plans', [newRow(paidPlan), newRow(freePlan)])).toMatchObject({ rejected: [] });
      const paid = compensation(own.id, { planId: paidPlan.id, status: 'paid', month: '2026-10' });
      const requested = compensation(own.id, { planId: freePlan.id, status: 'requested', month: '2026-10' });
      await pushDocuments(store, 'compensations', [newRow(paid), newRow(requested)]);

      const deleted = await push(preparer, 'plans', [
        { assumedMasterState: wire(paidPlan), newDocumentState: wire(paidPlan, true) },
        { assumedMasterState: wire(freePlan), newDocumentState: wire(freePlan, true) },
      ]);
      expect(deleted.rejected).toEqual([{ id: paidPlan.id, reason: 'planHasPaidCompensation' }]);
      const [row] = await store.query<{ deleted: boolean }>(
        `SELECT deleted FROM documents WHERE collection = 'plans' AND id = $1`,
        [paidPlan.id],
      );
      expect(row?.deleted).toBe(false);
    });
  });

  describe('8.7 records are about learners of their own school', () => {
    it.each([
      ['a note', () => psychologist, 'notes', (l: string) => note(psychologist.user.id, l)],
      ['a compensation', () => keeper, 'compensations', (l: string) => compensation(l, { month: '2026-09' })],
      ['a plan', () => preparer, 'plans', (l: string) => plan(preparer.user.id, l)],
      [
        'a consultation (second attendee)',
        () => teacher,
        'consultations',
        (l: string) => consultation(teacher.user.id, [own.id, l]),
      ],
      [
        'a schedule (second learner)',
        () => teacher,
        'schedules',
        (l: string) => schedule(teacher.user.id, [own.id, l]),
      ],
    ])(
      '%s about another school’s learner is refused; about an own learner accepted',
      async (_, by, collection, doc) => {
        const foreign = doc(elsewhere.id);
        expect(await push(by(), collection, [newRow(foreign)])).toMatchObject({
          status: 200,
          rejected: [{ id: foreign.id, reason: 'learnerOfAnotherSchool' }],
        });
        expect(await storedData(collection, foreign.id)).toBeUndefined();
        const local = doc(ownSecond.id);
        expect(await push(by(), collection, [newRow(local)])).toMatchObject({ status: 200, rejected: [] });
      },
    );

    it('accepts a record about a learner not on the server yet: the learner may arrive after it', async () => {
      const later = learner({ id: fresh('learner-later'), schoolId: 'school-1' });
      const early = note(psychologist.user.id, later.id);
      expect(await push(psychologist, 'notes', [newRow(early)])).toMatchObject({ rejected: [] });
      expect(await push(teacher, 'learners', [newRow(later)])).toMatchObject({ rejected: [] });
    });

    it('keeps a moved learner’s earlier records editable', async () => {
      const moving = learner({ id: fresh('learner-moving'), schoolId: 'school-1' });
      await pushDocuments(store, 'learners', [newRow(moving)]);
      const before = note(psychologist.user.id, moving.id);
      expect(await push(psychologist, 'notes', [newRow(before)])).toMatchObject({ rejected: [] });
      await pushDocuments(store, 'learners', [
        { assumedMasterState: wire(moving), newDocumentState: wire({ ...moving, schoolId: 'school-2' }) },
      ]);
      const edited = { ...before, body: 'Papildināts' };
      expect(
        await push(psychologist, 'notes', [{ assumedMasterState: wire(before), newDocumentState: wire(edited) }]),
      ).toMatchObject({ rejected: [] });
    });
  });

  describe('8.8 identical creates at the same moment', () => {
    it('answer both pushes with success, never with a conflict', async () => {
      let conflicts = 0;
      for (let round = 0; round < 10; round++) {
        const doc = learner({ id: fresh('twin'), schoolId: 'school-1' });
        const answers = await Promise.all([
          push(teacher, 'learners', [newRow(doc)]),
          push(teacher, 'learners', [newRow(doc)]),
        ]);
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          conflicts += answer.conflicts.length;
        }
      }
      expect(conflicts).toBe(0);
    });
  });

  describe('8.6 caps hold for simultaneous pushes', () => {
    it('never lets two simultaneous 40 € meals for one learner through a 70 € monthly cap', async () => {
      let exceeded = 0;
      for (let round = 0; round < 10; round++) {
        const month = `2025-${String(round + 1).padStart(2, '0')}`;
        const rows = [0, 1].map(() => newRow(compensation(own.id, { month, amountCents: 4000 })));
        await Promise.all(rows.map((row) => push(keeper, 'compensations', [row])));
        const [sum] = await store.query<{ total: string | number | null }>(
          `SELECT sum((data->>'amountCents')::int) AS total FROM documents
           WHERE collection = 'compensations' AND data->>'learnerId' = $1 AND data->>'month' = $2`,
          [own.id, month],
        );
        if (Number(sum?.total ?? 0) > 7000) exceeded++;
      }
      expect(exceeded).toBe(0);
    });
  });

  describe('8.9 unknown keys are refused, at any depth', () => {
    it.each([
      ['at the top', { extra: 'x' }, 'extra'],
      ['in a guardian', { guardians: [{ id: 'g1', name: 'Māte', hidden: true }] }, 'guardians.0.hidden'],
      [
        'in the consent',
        { consent: { signedOn: '2026-09-01', signedBy: 'Māte', signerRole: 'parent', x: 1 } },
        'consent.x',
      ],
    ])('%s: 400 naming the key, nothing of the push stored', async (_, extra, path) => {
      const good = learner({ schoolId: 'school-1' });
      const bad = { ...learner({ schoolId: 'school-1' }), ...extra };
      const answer = await push(teacher, 'learners', [newRow(good), newRow(bad)]);
      expect(answer.status).toBe(400);
      expect(answer.details).toEqual([
        expect.objectContaining({ row: 1, path, message: expect.stringContaining('unknown key') }),
      ]);
      expect(await storedData('learners', good.id)).toBeUndefined();
      expect(await storedData('learners', bad.id)).toBeUndefined();
    });
  });
});
