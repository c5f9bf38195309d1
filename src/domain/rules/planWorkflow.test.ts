import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/permissions';
import type { PlanStatus, SupportPlan } from '../plan';
import { pumpurs2017 } from '../profile/pumpurs2017';
import {
  applyTransition,
  approvalStage,
  availableActions,
  canDeletePlan,
  readinessProblems,
  statusChangeProblem,
  transitionProblems,
  type PlanAction,
  type WorkflowContext,
} from './planWorkflow';

const school = { id: 's1', municipalityId: 'm1', stateFounded: false };
const stateSchool = { ...school, stateFounded: true };
const actor = (userId: string, roles: Actor['roles'], schoolIds = ['s1'], municipalityIds = ['m1']): Actor => ({
  userId,
  roles,
  schoolIds,
  municipalityIds,
});
const preparer = actor('prep', ['teacher', 'plan_preparer']);
const otherTeacher = actor('t2', ['teacher']);
const director = actor('dir', ['director']);
const otherDirector = actor('dir2', ['director'], ['s2']);
const municipal = actor('mun', ['municipal_coordinator'], ['s1', 's2']);
const otherMunicipal = actor('mun2', ['municipal_coordinator'], ['s9'], ['m9']);
const coordinator = actor('coord', ['school_coordinator']);
const admin = actor('adm', ['administrator'], ['s1'], ['m1']);

const ready: SupportPlan = {
  id: 'p1',
  createdAt: '2026-09-10T08:00:00.000Z',
  updatedAt: '2026-09-10T08:00:00.000Z',
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['prep'],
  status: 'draft',
  risks: [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }],
  measures: [
    {
      id: 'm1',
      kind: 'subject_consultation',
      riskIds: ['r1'],
      justification: 'Grūtības matemātikā',
      subject: 'mathematics',
      plannedSessions: 8,
    },
  ],
  history: [],
};

const plan = (status: PlanStatus, history: SupportPlan['history'] = []): SupportPlan => ({ ...ready, status, history });
const context = (who: Actor, overrides: Partial<WorkflowContext> = {}): WorkflowContext => ({
  actor: who,
  school,
  learner: { programme: 'general' },
  profile: pumpurs2017,
  today: '2026-11-25',
  ...overrides,
});
const submitted = [{ id: 'h1', at: '2026-09-11T08:00:00.000Z', byUserId: 'prep', action: 'submit' }];
const directorApproved = [
  ...submitted,
  { id: 'h2', at: '2026-09-12T08:00:00.000Z', byUserId: 'dir', action: 'approve' },
];

describe('plan status machine', () => {
  it.each<[string, SupportPlan, PlanAction, Actor, string, PlanStatus | string, Partial<WorkflowContext>?]>([
    ['the preparer sends a draft for approval', plan('draft'), 'submit', preparer, '', 'in_approval'],
    ['a coordinator sends a draft for approval', plan('draft'), 'submit', coordinator, '', 'in_approval'],
    ['another teacher may not send it', plan('draft'), 'submit', otherTeacher, '', 'roleNotAllowed'],
    ['the director approves first', plan('in_approval', submitted), 'approve', director, '', 'in_approval'],
    // Issue 13.7: sent by mistake, taken back to draft by its preparer (no reason asked) before anyone approved it.
    [
      'the preparer takes back a plan sent by mistake',
      plan('in_approval', submitted),
      'withdraw',
      preparer,
      '',
      'draft',
    ],
    ['a coordinator takes it back too', plan('in_approval', submitted), 'withdraw', coordinator, '', 'draft'],
    [
      'another teacher may not take it back',
      plan('in_approval', submitted),
      'withdraw',
      otherTeacher,
      '',
      'roleNotAllowed',
    ],
    [
      'not once the director approved it',
      plan('in_approval', directorApproved),
      'withdraw',
      preparer,
      '',
      'roleNotAllowed',
    ],
    ['a draft is not taken back', plan('draft'), 'withdraw', preparer, '', 'notFromStatus'],
    [
      'an approved plan is not taken back',
      plan('approved', directorApproved),
      'withdraw',
      preparer,
      '',
      'notFromStatus',
    ],
    [
      'the director of another school may not',
      plan('in_approval', submitted),
      'approve',
      otherDirector,
      '',
      'roleNotAllowed',
    ],
    [
      'the municipality may not approve before the director',
      plan('in_approval', submitted),
      'approve',
      municipal,
      '',
      'roleNotAllowed',
    ],
    [
      'an administrator does not approve for a director',
      plan('in_approval', submitted),
      'approve',
      admin,
      '',
      'roleNotAllowed',
    ],
    [
      'then the municipal coordinator approves',
      plan('in_approval', directorApproved),
      'approve',
      municipal,
      '',
      'approved',
    ],
    [
      'a coordinator of another municipality may not',
      plan('in_approval', directorApproved),
      'approve',
      otherMunicipal,
      '',
      'roleNotAllowed',
    ],
    [
      'a state-founded school skips the municipality',
      plan('in_approval', submitted),
      'approve',
      director,
      '',
      'approved',
      { school: stateSchool },
    ],
    [
      'the director returns a plan with a reason',
      plan('in_approval', submitted),
      'return',
      director,
      'Nav pamatojuma',
      'draft',
    ],
    ['returning needs a reason', plan('in_approval', submitted), 'return', director, ' ', 'reasonRequired'],
    ['an approved plan starts', plan('approved'), 'start', preparer, '', 'in_progress'],
    ['a draft cannot start', plan('draft'), 'start', preparer, '', 'notFromStatus'],
    ['suspending needs a reason', plan('in_progress'), 'suspend', preparer, '', 'reasonRequired'],
    ['a plan in progress is suspended', plan('in_progress'), 'suspend', director, 'Slimība', 'suspended'],
    ['it resumes within its semester', plan('suspended'), 'resume', preparer, '', 'in_progress'],
    ['not in the next semester', plan('suspended'), 'resume', preparer, '', 'otherSemester', { today: '2027-01-10' }],
    ['revision takes a reason', plan('in_progress'), 'revise', preparer, 'Jauns risks', 'under_revision'],
    ['a revised plan goes back through approval', plan('under_revision'), 'submit', preparer, '', 'in_approval'],
    ['a coordinator makes a plan inactive', plan('in_progress'), 'deactivate', coordinator, 'Pārcēlās', 'inactive'],
    ['a teacher may not', plan('in_progress'), 'deactivate', preparer, 'Pārcēlās', 'roleNotAllowed'],
    ['an inactive plan stays so', plan('inactive'), 'resume', coordinator, '', 'notFromStatus'],
    ['an approved plan is not approved again', plan('approved'), 'approve', director, '', 'notFromStatus'],
  ])('%s', (_case, before, action, who, reason, expected, overrides = {}) => {
    const result = applyTransition(before, action, context(who, overrides), {
      reason,
      entryId: 'e1',
      at: '2026-11-25T10:00:00.000Z',
    });
    if (result.ok) expect(result.plan.status).toBe(expected);
    else expect(result.problems[0]?.code).toBe(expected);
  });

  it('records who, when, what and why in the history', () => {
    const result = applyTransition(plan('in_progress'), 'suspend', context(director), {
      reason: '  Ilgstoša slimība ',
      entryId: 'e9',
      at: '2026-11-25T10:00:00.000Z',
    });
    expect(result).toMatchObject({
      ok: true,
      plan: {
        status: 'suspended',
        statusReason: 'Ilgstoša slimība',
        updatedAt: '2026-11-25T10:00:00.000Z',
        history: [
          {
            id: 'e9',
            at: '2026-11-25T10:00:00.000Z',
            byUserId: 'dir',
            action: 'suspend',
            fromStatus: 'in_progress',
            toStatus: 'suspended',
            reason: 'Ilgstoša slimība',
          },
        ],
      },
    });
  });

  it('follows the approval stage through the history', () => {
    expect(approvalStage(plan('draft'))).toBeNull();
    expect(approvalStage(plan('in_approval', submitted))).toBe('director');
    expect(approvalStage(plan('in_approval', directorApproved))).toBe('municipality');
    // Returned and sent again: the director approves again.
    const again = [
      ...directorApproved,
      { id: 'h3', at: '2026-09-13T08:00:00.000Z', byUserId: 'mun', action: 'return' },
      { id: 'h4', at: '2026-09-14T08:00:00.000Z', byUserId: 'prep', action: 'submit' },
    ];
    expect(approvalStage(plan('in_approval', again))).toBe('director');
  });
});

describe('a plan ready for approval', () => {
  const measure = ready.measures[0]!;
  it.each<[string, Partial<SupportPlan>, string[], 'general' | 'vocational']>([
    ['a complete plan', {}, [], 'general'],
    ['no risks', { risks: [], measures: [{ ...measure, riskIds: [] }] }, ['noRisks', 'measureWithoutRisk'], 'general'],
    ['no measures', { measures: [] }, ['noMeasures'], 'general'],
    [
      'a measure tied to a removed risk',
      { measures: [{ ...measure, riskIds: ['gone'] }] },
      ['measureWithoutRisk'],
      'general',
    ],
    [
      'a measure without justification',
      { measures: [{ ...measure, justification: '  ' }] },
      ['measureWithoutJustification'],
      'general',
    ],
    [
      'meals planned over the cap',
      { measures: [{ ...measure, kind: 'compensation', compensationCategory: 'meals', plannedMonthlyCents: 7500 }] },
      ['measureOverCap'],
      'general',
    ],
    [
      'learning materials for a general learner',
      {
        measures: [
          { ...measure, kind: 'compensation', compensationCategory: 'learning_materials', plannedMonthlyCents: 500 },
        ],
      },
      ['measureNotAllowed'],
      'general',
    ],
    [
      'learning materials for a vocational learner',
      {
        measures: [
          { ...measure, kind: 'compensation', compensationCategory: 'learning_materials', plannedMonthlyCents: 500 },
        ],
      },
      [],
      'vocational',
    ],
  ])('%s', (_case, change, codes, programme) => {
    const problems = readinessProblems(
      { ...ready, ...change },
      { school, learner: { programme }, profile: pumpurs2017 },
    );
    expect(problems.map((p) => p.code)).toEqual(codes);
  });

  it('lists what is missing when sent unfinished, and stays a draft', () => {
    const result = applyTransition({ ...ready, risks: [] }, 'submit', context(preparer), {
      entryId: 'e',
      at: '2026-11-25T10:00:00.000Z',
    });
    expect(result.ok).toBe(false);
    expect(transitionProblems({ ...ready, measures: [] }, 'submit', context(preparer)).map((p) => p.code)).toEqual([
      'noMeasures',
    ]);
  });
});

describe('what a person may do with a plan', () => {
  it.each<[string, SupportPlan, Actor, PlanAction[]]>([
    ['the preparer of a draft', plan('draft'), preparer, ['submit']],
    ['the preparer of an unfinished draft still sees submit', { ...plan('draft'), risks: [] }, preparer, ['submit']],
    ['a director of a draft', plan('draft'), director, ['deactivate']],
    [
      'the director of a plan waiting for them',
      plan('in_approval', submitted),
      director,
      ['approve', 'return', 'deactivate'],
    ],
    ['the preparer of a plan waiting for the director', plan('in_approval', submitted), preparer, ['withdraw']],
    ['the preparer once the director approved', plan('in_approval', directorApproved), preparer, []],
    ['the municipality before the director', plan('in_approval', submitted), municipal, []],
    ['the preparer of a plan in progress', plan('in_progress'), preparer, ['suspend', 'revise']],
    ['another teacher', plan('in_progress'), otherTeacher, []],
  ])('%s', (_case, p, who, actions) => {
    expect(availableActions(p, context(who))).toEqual(actions);
  });
});

describe('deleting a plan', () => {
  it.each([
    ['no compensations', [], true],
    [
      'requested and approved only',
      [
        { planId: 'p1', status: 'requested' },
        { planId: 'p1', status: 'approved' },
      ],
      true,
    ],
    ['money paid', [{ planId: 'p1', status: 'paid' }], false],
    ['money paid on another plan', [{ planId: 'p2', status: 'paid' }], true],
  ])('with %s: %s', (_case, compensations, allowed) => {
    expect(canDeletePlan('p1', compensations)).toBe(allowed);
  });
});

describe('status changes the server accepts', () => {
  const step = (action: string, toStatus: PlanStatus, byUserId: string, reason?: string) => ({
    id: `s-${action}`,
    at: '2026-11-25T10:00:00.000Z',
    byUserId,
    action,
    toStatus,
    ...(reason ? { reason } : {}),
  });
  const ctx = (who: Actor, s = school) => ({
    actor: who,
    school: s,
    learner: { programme: 'general' as const },
    profile: pumpurs2017,
  });
  it.each<[string, SupportPlan | null, SupportPlan, Actor, string | null]>([
    ['a new draft', null, plan('draft'), preparer, null],
    ['a new plan that claims to be approved', null, plan('approved'), preparer, 'notFromStatus'],
    ['an edit without a status change', plan('draft'), { ...plan('draft'), risks: [] }, preparer, null],
    [
      'a submit by the preparer',
      plan('draft'),
      { ...plan('in_approval'), history: [step('submit', 'in_approval', 'prep')] },
      preparer,
      null,
    ],
    [
      'a preparer approving their own plan',
      plan('in_approval', submitted),
      { ...plan('approved'), history: [...submitted, step('approve', 'approved', 'prep')] },
      preparer,
      'roleNotAllowed',
    ],
    ['a status change with no step recorded', plan('draft'), plan('approved'), preparer, 'notFromStatus'],
    [
      'a director approving straight to approved in a municipal school',
      plan('in_approval', submitted),
      { ...plan('approved'), history: [...submitted, step('approve', 'approved', 'dir')] },
      director,
      'notFromStatus',
    ],
    [
      'the director’s first approval',
      plan('in_approval', submitted),
      { ...plan('in_approval'), history: [...submitted, step('approve', 'in_approval', 'dir')] },
      director,
      null,
    ],
    [
      'a suspension without a reason',
      plan('in_progress'),
      { ...plan('suspended'), history: [step('suspend', 'suspended', 'prep')] },
      preparer,
      'reasonRequired',
    ],
    [
      'a history entry in someone else’s name',
      plan('in_approval', submitted),
      { ...plan('in_approval'), history: [...submitted, step('approve', 'in_approval', 'dir')] },
      preparer,
      'historyEntryNotOwn',
    ],
    [
      'two steps made offline, in order',
      plan('approved'),
      {
        ...plan('suspended'),
        history: [
          step('start', 'in_progress', 'prep'),
          { ...step('suspend', 'suspended', 'prep'), id: 's2', reason: 'Slimība' },
        ],
      },
      preparer,
      null,
    ],
    [
      'content and submit pushed together',
      { ...plan('draft'), measures: [] },
      { ...plan('in_approval'), history: [step('submit', 'in_approval', 'prep')] },
      preparer,
      null,
    ],
    [
      'sent by mistake and taken back, in one push',
      plan('draft'),
      {
        ...plan('draft'),
        history: [step('submit', 'in_approval', 'prep'), { ...step('withdraw', 'draft', 'prep'), id: 'w1' }],
      },
      preparer,
      null,
    ],
    [
      'taken back by the preparer',
      plan('in_approval', submitted),
      { ...plan('draft'), history: [...submitted, step('withdraw', 'draft', 'prep')] },
      preparer,
      null,
    ],
    [
      'taken back after the director approved it',
      plan('in_approval', directorApproved),
      { ...plan('draft'), history: [...directorApproved, step('withdraw', 'draft', 'prep')] },
      preparer,
      'roleNotAllowed',
    ],
    [
      'an unready plan sent for approval',
      { ...plan('draft'), measures: [] },
      { ...plan('in_approval'), measures: [], history: [step('submit', 'in_approval', 'prep')] },
      preparer,
      'noMeasures',
    ],
  ])('%s', (_case, before, after, who, expected) => {
    expect(statusChangeProblem(before, after, ctx(who))?.code ?? null).toBe(expected);
  });
});

describe('no one approves their own plan (issue 8.5)', () => {
  const preparingDirector = actor('dir', ['director', 'plan_preparer']);
  const directorCoordinator = actor('dir', ['director', 'school_coordinator']);
  const directorAndMunicipal = actor('dir', ['director', 'municipal_coordinator'], ['s1'], ['m1']);
  const submittedBy = (by: string) => [{ ...submitted[0]!, byUserId: by }];
  it.each<[string, SupportPlan, Actor, PlanAction[]]>([
    [
      'a director who prepares the plan may return it, not approve it',
      { ...plan('in_approval', submittedBy('prep')), preparerIds: ['prep', 'dir'] },
      preparingDirector,
      // Taking it back is open to them as to any preparer (issue 13.7).
      ['withdraw', 'return', 'deactivate'],
    ],
    [
      'a director who sent it for approval (as coordinator) may return it, not approve it',
      plan('in_approval', submittedBy('dir')),
      directorCoordinator,
      ['withdraw', 'return', 'deactivate'],
    ],
    [
      'a director who sent an earlier round only approves this one',
      plan('in_approval', [
        ...submittedBy('dir'),
        { id: 'r', at: '2026-09-12T08:00:00.000Z', byUserId: 'dir', action: 'return' },
        { id: 's2', at: '2026-09-13T08:00:00.000Z', byUserId: 'prep', action: 'submit' },
      ]),
      directorCoordinator,
      ['withdraw', 'approve', 'return', 'deactivate'],
    ],
    [
      'whoever approved as director does not give the municipality’s approval too',
      plan('in_approval', directorApproved),
      directorAndMunicipal,
      ['return', 'deactivate'],
    ],
    [
      'a municipal coordinator who prepares the plan',
      { ...plan('in_approval', directorApproved), preparerIds: ['prep', 'mun'] },
      municipal,
      ['return'],
    ],
  ])('%s', (_case, p, who, actions) => {
    expect(availableActions(p, context(who))).toEqual(actions);
  });

  it('says why: the plan is their own', () => {
    const own = { ...plan('in_approval', submitted), preparerIds: ['prep', 'dir'] };
    expect(transitionProblems(own, 'approve', context(preparingDirector)).map((p) => p.code)).toEqual(['ownPlan']);
  });

  it('the server refuses the pushed self-approval', () => {
    const own = { ...plan('in_approval', submitted), preparerIds: ['prep', 'dir'] };
    const approved = {
      ...own,
      history: [...submitted, { id: 'a1', at: '2026-11-25T10:00:00.000Z', byUserId: 'dir', action: 'approve' }],
    };
    const ctx = { actor: preparingDirector, school, learner: { programme: 'general' as const }, profile: pumpurs2017 };
    expect(statusChangeProblem(own, approved, ctx)?.code).toBe('ownPlan');
  });
});

describe('only holders of the preparer role prepare (issue 8.10)', () => {
  const listedTeacher = actor('prep', ['teacher']);
  it('a listed teacher without the role may not send the plan', () => {
    expect(availableActions(plan('draft'), context(listedTeacher))).toEqual([]);
  });
});

describe('forged history (issue 8.4)', () => {
  const ctx = (who: Actor) => ({
    actor: who,
    school,
    learner: { programme: 'general' as const },
    profile: pumpurs2017,
  });
  const created = { id: 'h0', at: '2026-09-10T08:00:00.000Z', byUserId: 'prep', action: 'created' };
  const stored = plan('in_approval', [created, ...submitted]);
  it.each<[string, SupportPlan['history'], Actor]>([
    [
      'a municipal coordinator plants a director’s approval under an old id (to approve in the next push)',
      [created, submitted[0]!, { id: 'h0', at: '2026-09-12T08:00:00.000Z', byUserId: 'dir', action: 'approve' }],
      municipal,
    ],
    [
      'a municipal coordinator plants a director’s approval under an old id, then approves',
      [
        created,
        submitted[0]!,
        { id: 'h0', at: '2026-09-12T08:00:00.000Z', byUserId: 'dir', action: 'approve' },
        { id: 'm1', at: '2026-09-13T08:00:00.000Z', byUserId: 'mun', action: 'approve', toStatus: 'approved' },
      ],
      municipal,
    ],
    [
      'the same, rewriting the old entry in place',
      [
        { id: 'h0', at: '2026-09-12T08:00:00.000Z', byUserId: 'dir', action: 'approve' },
        submitted[0]!,
        { id: 'm1', at: '2026-09-13T08:00:00.000Z', byUserId: 'mun', action: 'approve', toStatus: 'approved' },
      ],
      municipal,
    ],
    ['a preparer erases the history', [], preparer],
    ['a preparer rewrites who submitted', [created, { ...submitted[0]!, byUserId: 'coord' }], preparer],
  ])('%s', (_case, history, who) => {
    const approves = history.some((h) => h.toStatus === 'approved');
    const next = { ...stored, status: approves ? ('approved' as const) : stored.status, history };
    expect(statusChangeProblem(stored, next, ctx(who))?.code).toMatch(/^history/);
  });
});
