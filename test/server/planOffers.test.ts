import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultProfile,
  evaluatePlan,
  noteRisk,
  planOffers,
  removeMeasure,
  saveMeasure,
  toggleRisk,
  type Learner,
  type SupportPlan,
  type UserRole,
} from '../../src/domain';
import { actorFor } from '../../src/server/auth/scope';
import { buildApp } from '../../src/server/app';
import { migrate } from '../../src/server/migrations/migrate';
import { pushDocuments } from '../../src/server/replication/documents';
import type { Store } from '../../src/server/store/store';
import { createTestUser, ensureSchools, type TestUser } from '../fixtures/accounts';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-25T10:00:00.000Z';
const SCHOOL = { id: 'school-1', municipalityId: 'muni-1', stateFounded: false };

/**
 * Issue 10, item 2: the plan screen offers exactly the edits the server takes. The oracle is the server itself: each
 * edit the screen makes (built with the same domain functions the screen wires) is pushed by each kind of person, and
 * the push is accepted exactly when the screen offers it. A school coordinator — once offered editing and evaluation
 * the server refused, with a rejection banner after — is offered neither and is refused both.
 */
const PEOPLE: { name: string; roles: UserRole[]; listed: boolean; school?: string }[] = [
  { name: 'listed preparer', roles: ['teacher', 'plan_preparer'], listed: true },
  { name: 'preparer not listed', roles: ['plan_preparer'], listed: false },
  { name: 'school coordinator, listed', roles: ['school_coordinator'], listed: true },
  { name: 'school coordinator', roles: ['school_coordinator'], listed: false },
  { name: 'director and school coordinator', roles: ['director', 'school_coordinator'], listed: false },
  { name: 'listed preparer of another school', roles: ['plan_preparer'], listed: true, school: 'school-2' },
  { name: 'administrator, listed', roles: ['administrator'], listed: true },
];

type Edit = (plan: SupportPlan, by: string) => SupportPlan;
const EDITS: { name: string; status: SupportPlan['status']; offer: 'editContent' | 'evaluate'; edit: Edit }[] = [
  {
    name: 'ticks a risk',
    status: 'draft',
    offer: 'editContent',
    edit: (p) => toggleRisk(p, 'family.conflicts', true, 'r9'),
  },
  {
    name: 'unticks a risk',
    status: 'draft',
    offer: 'editContent',
    edit: (p) => toggleRisk(p, 'learning.difficulty_mastering', false, ''),
  },
  {
    name: 'writes a risk note',
    status: 'under_revision',
    offer: 'editContent',
    edit: (p) => noteRisk(p, 'r1', 'Fizika'),
  },
  {
    name: 'saves a measure',
    status: 'draft',
    offer: 'editContent',
    edit: (p) => saveMeasure(p, { ...p.measures[0]!, plannedSessions: 10 }),
  },
  { name: 'removes a measure', status: 'under_revision', offer: 'editContent', edit: (p) => removeMeasure(p, 'm1') },
  {
    name: 'evaluates',
    status: 'in_progress',
    offer: 'evaluate',
    edit: (p, by) =>
      evaluatePlan(p, {
        outcome: 'improved',
        note: 'Labāk',
        deliveredShare: 0.9,
        byUserId: by,
        at: AT,
        entryId: 'h-eval',
      }),
  },
];

describe.each(storeFactories)('the plan screen offers what the server takes, on $name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const users = new Map<string, TestUser>();
  let preparer: TestUser;

  beforeAll(async () => {
    ({ store, dispose } = await factory.create());
    await migrate(store);
    app = await buildApp({ store });
    await ensureSchools(store, [
      { id: 'school-1', municipalityId: 'muni-1' },
      { id: 'school-2', municipalityId: 'muni-1' },
    ]);
    preparer = await createTestUser(store, ['teacher', 'plan_preparer'], ['school-1']);
    for (const person of PEOPLE)
      users.set(person.name, await createTestUser(store, person.roles, [person.school ?? 'school-1']));
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
    expect(
      (
        await pushDocuments(store, 'learners', [
          { assumedMasterState: null, newDocumentState: { ...learner, _deleted: false } },
        ])
      ).ok,
    ).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const planOf = (id: string, status: SupportPlan['status'], preparerIds: string[]): SupportPlan => ({
    id,
    createdAt: AT,
    updatedAt: AT,
    learnerId: 'learner-1',
    schoolId: 'school-1',
    schoolYear: '2026/2027',
    semester: 1,
    preparerIds,
    status,
    risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
    measures: [
      {
        id: 'm1',
        kind: 'subject_consultation',
        riskIds: ['r1'],
        justification: 'Grūtības',
        subject: 'maths',
        plannedSessions: 8,
      },
    ],
    history: [{ id: 'h-created', at: AT, byUserId: preparerIds[0]!, action: 'created', toStatus: 'draft' }],
  });

  const rows = PEOPLE.flatMap((person) => EDITS.map((edit, n) => ({ person: person.name, edit: edit.name, n })));

  it.each(rows)('a $person who $edit: offered exactly when accepted', async ({ person, n }) => {
    const { listed } = PEOPLE.find((p) => p.name === person)!;
    const { status, offer, edit } = EDITS[n]!;
    const user = users.get(person)!;
    const id = `plan-${PEOPLE.findIndex((p) => p.name === person)}-${n}`;
    const stored = planOf(id, status, listed ? [user.user.id, preparer.user.id] : [preparer.user.id]);
    const seeded = await pushDocuments(store, 'plans', [
      { assumedMasterState: null, newDocumentState: { ...stored, _deleted: false } },
    ]);
    expect(seeded.ok).toBe(true);

    // The person as the server sees them: the reach their device receives and the screen works with.
    const actor = (await actorFor(store, user.user.id))!;
    const offered = planOffers(stored, {
      actor,
      school: SCHOOL,
      learner: { programme: 'general' },
      profile: defaultProfile,
    })[offer];
    const next = { ...edit(stored, user.user.id), updatedAt: '2026-11-26T08:00:00.000Z' };
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/plans/push',
      headers: user.headers,
      payload: [{ assumedMasterState: { ...stored, _deleted: false }, newDocumentState: { ...next, _deleted: false } }],
    });
    expect(response.statusCode).toBe(200);
    const accepted = response.json<{ rejected: unknown[] }>().rejected.length === 0;
    expect({ offered, accepted }).toEqual({ offered: accepted, accepted });
  });

  it('a school coordinator is neither offered editing or evaluation nor accepted when pushing them', async () => {
    const coordinator = users.get('school coordinator')!;
    const actor = (await actorFor(store, coordinator.user.id))!;
    const context = { actor, school: SCHOOL, learner: { programme: 'general' as const }, profile: defaultProfile };
    const draft = planOf('plan-coord-draft', 'draft', [preparer.user.id]);
    const running = planOf('plan-coord-running', 'in_progress', [preparer.user.id]);
    expect(planOffers(draft, context)).toEqual({ editContent: false, evaluate: false, continueNext: false });
    expect(planOffers(running, context)).toEqual({ editContent: false, evaluate: false, continueNext: false });
    for (const plan of [draft, running])
      await pushDocuments(store, 'plans', [
        { assumedMasterState: null, newDocumentState: { ...plan, _deleted: false } },
      ]);
    const pushes = [
      [draft, toggleRisk(draft, 'family.conflicts', true, 'r9')],
      [
        running,
        evaluatePlan(running, {
          outcome: 'improved',
          note: '',
          deliveredShare: 1,
          byUserId: coordinator.user.id,
          at: AT,
          entryId: 'h-e',
        }),
      ],
    ] as const;
    for (const [before, after] of pushes) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/plans/push',
        headers: coordinator.headers,
        payload: [
          { assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } },
        ],
      });
      expect(response.json<{ rejected: { reason: string }[] }>().rejected.map((r) => r.reason)).toEqual([
        'approverMayChangeStatusOnly',
      ]);
    }
  });
});
