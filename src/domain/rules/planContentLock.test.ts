import { describe, expect, it } from 'vitest';
import type { PlanHistoryEntry, PlanStatus, SupportPlan } from '../plan';
import { contentLockProblem, PLAN_CONTENT_FIELDS } from './planContentLock';

const AT = '2026-09-10T08:00:00.000Z';
const LATER = '2026-12-20T08:00:00.000Z';

const planIn = (status: PlanStatus, extra: Partial<SupportPlan> = {}): SupportPlan => ({
  id: 'p1',
  createdAt: AT,
  updatedAt: AT,
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['prep'],
  status,
  applicationSignedOn: '2026-09-01',
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
  history: [{ id: 'h1', at: AT, byUserId: 'prep', action: 'created', toStatus: 'draft' }],
  ...extra,
});

const step = (id: string, action: string, fromStatus: PlanStatus, toStatus: PlanStatus): PlanHistoryEntry => ({
  id,
  at: LATER,
  byUserId: 'prep',
  action,
  fromStatus,
  toStatus,
  reason: 'Iemesls',
});
const EVALUATION = {
  deliveredShare: 0.92,
  outcome: 'improved' as const,
  note: '',
  evaluatedAt: LATER,
  evaluatedBy: 'prep',
};
const evaluateEntry: PlanHistoryEntry = { id: 'h-eval', at: LATER, byUserId: 'prep', action: 'evaluate' };

type Change = (p: SupportPlan) => SupportPlan;
const moreSessions: Change = (p) => ({ ...p, measures: p.measures.map((m) => ({ ...m, plannedSessions: 20 })) });
const newJustification: Change = (p) => ({
  ...p,
  measures: p.measures.map((m) => ({ ...m, justification: 'Cits pamatojums' })),
});
const riskNote: Change = (p) => ({ ...p, risks: p.risks.map((r) => ({ ...r, note: 'Fizika' })) });
const evaluated: Change = (p) => ({ ...p, evaluation: EVALUATION, history: [...p.history, evaluateEntry] });
const withSteps =
  (change: Change, ...steps: PlanHistoryEntry[]): Change =>
  (p) => {
    const changed = change(p);
    const last = steps.at(-1);
    return {
      ...changed,
      history: [...changed.history, ...steps],
      ...(last?.toStatus ? { status: last.toStatus } : {}),
    };
  };
const same: Change = (p) => p;

/**
 * Expected results written from the programme's lifecycle: content (risks, measures and what the plan is
 * for) is drawn up in a draft and changed under revision, which goes back through approval; in approval, approved,
 * in progress, suspended or inactive it stays as approved; a running or suspended plan is evaluated once.
 * `locked` is the field the refusal names, or null when the push is allowed.
 */
const TABLE: { name: string; stored: SupportPlan; change: Change; locked: string | null }[] = [
  { name: 'a draft: more planned sessions', stored: planIn('draft'), change: moreSessions, locked: null },
  {
    name: 'under revision: a new justification',
    stored: planIn('under_revision'),
    change: newJustification,
    locked: null,
  },
  { name: 'under revision: a risk note', stored: planIn('under_revision'), change: riskNote, locked: null },
  {
    name: 'in approval: more planned sessions',
    stored: planIn('in_approval'),
    change: moreSessions,
    locked: 'measures',
  },
  { name: 'approved: more planned sessions', stored: planIn('approved'), change: moreSessions, locked: 'measures' },
  { name: 'approved: a new justification', stored: planIn('approved'), change: newJustification, locked: 'measures' },
  { name: 'in progress: a risk note', stored: planIn('in_progress'), change: riskNote, locked: 'risks' },
  {
    name: 'in progress: more planned sessions',
    stored: planIn('in_progress'),
    change: moreSessions,
    locked: 'measures',
  },
  { name: 'suspended: more planned sessions', stored: planIn('suspended'), change: moreSessions, locked: 'measures' },
  { name: 'inactive: a risk note', stored: planIn('inactive'), change: riskNote, locked: 'risks' },
  {
    name: 'approved: a larger monthly amount',
    stored: planIn('approved', {
      measures: [
        {
          id: 'm2',
          kind: 'compensation',
          riskIds: ['r1'],
          justification: 'Ēdināšana',
          compensationCategory: 'meals',
          plannedMonthlyCents: 3000,
        },
      ],
    }),
    change: (p) => ({ ...p, measures: p.measures.map((m) => ({ ...m, plannedMonthlyCents: 7000 })) }),
    locked: 'measures',
  },
  {
    name: 'approved: a measure added',
    stored: planIn('approved'),
    change: (p) => ({ ...p, measures: [...p.measures, { ...p.measures[0]!, id: 'm9' }] }),
    locked: 'measures',
  },
  {
    name: 'in progress: a risk removed',
    stored: planIn('in_progress'),
    change: (p) => ({ ...p, risks: [] }),
    locked: 'risks',
  },
  {
    name: 'approved: another learner',
    stored: planIn('approved'),
    change: (p) => ({ ...p, learnerId: 'l2' }),
    locked: 'learnerId',
  },
  {
    name: 'in approval: another semester',
    stored: planIn('in_approval'),
    change: (p) => ({ ...p, semester: 2 }),
    locked: 'semester',
  },
  {
    name: 'in progress: a preparer added',
    stored: planIn('in_progress'),
    change: (p) => ({ ...p, preparerIds: ['prep', 'other'] }),
    locked: 'preparerIds',
  },
  {
    name: 'approved: another application date',
    stored: planIn('approved'),
    change: (p) => ({ ...p, applicationSignedOn: '2026-09-05' }),
    locked: 'applicationSignedOn',
  },
  // The push's own steps.
  {
    name: 'approved, revised in the same push, then more sessions',
    stored: planIn('approved'),
    change: withSteps(moreSessions, step('h2', 'revise', 'approved', 'under_revision')),
    locked: null,
  },
  {
    name: 'in progress, revised in the same push, then a risk note',
    stored: planIn('in_progress'),
    change: withSteps(riskNote, step('h2', 'revise', 'in_progress', 'under_revision')),
    locked: null,
  },
  {
    name: 'in approval, returned in the same push, then corrected',
    stored: planIn('in_approval'),
    change: withSteps(newJustification, step('h2', 'return', 'in_approval', 'draft')),
    locked: null,
  },
  {
    name: 'a draft changed, then sent for approval in the same push',
    stored: planIn('draft'),
    change: withSteps(moreSessions, step('h2', 'submit', 'draft', 'in_approval')),
    locked: null,
  },
  {
    name: 'approved, started in the same push, with more sessions',
    stored: planIn('approved'),
    change: withSteps(moreSessions, step('h2', 'start', 'approved', 'in_progress')),
    locked: 'measures',
  },
  {
    name: 'in progress, made inactive in the same push, with more sessions',
    stored: planIn('in_progress'),
    change: withSteps(moreSessions, step('h2', 'deactivate', 'in_progress', 'inactive')),
    locked: 'measures',
  },
  {
    name: 'in progress: only a step (suspended, with its reason)',
    stored: planIn('in_progress'),
    change: (p) => ({
      ...withSteps(same, step('h2', 'suspend', 'in_progress', 'suspended'))(p),
      statusReason: 'Slims',
    }),
    locked: null,
  },
  {
    name: 'in approval: only an approval step',
    stored: planIn('in_approval'),
    change: withSteps(same, { ...step('h2', 'approve', 'in_approval', 'approved'), byUserId: 'director' }),
    locked: null,
  },
  {
    name: 'approved, with a made-up entry that is no step ("created" again), and more sessions',
    stored: planIn('approved'),
    change: withSteps(moreSessions, { ...step('h2', 'created', 'approved', 'draft') }),
    locked: 'measures',
  },
  {
    name: 'approved, with an entry named like an object key ("constructor"), and more sessions',
    stored: planIn('approved'),
    change: withSteps(moreSessions, { ...step('h2', 'constructor', 'approved', 'draft') }),
    locked: 'measures',
  },
  // The evaluation.
  { name: 'in progress: evaluated', stored: planIn('in_progress'), change: evaluated, locked: null },
  { name: 'suspended: evaluated', stored: planIn('suspended'), change: evaluated, locked: null },
  { name: 'approved: evaluated', stored: planIn('approved'), change: evaluated, locked: 'evaluation' },
  { name: 'a draft: evaluated', stored: planIn('draft'), change: evaluated, locked: 'evaluation' },
  { name: 'inactive: evaluated', stored: planIn('inactive'), change: evaluated, locked: 'evaluation' },
  {
    name: 'approved, started in the same push, then evaluated',
    stored: planIn('approved'),
    change: (p) => evaluated(withSteps(same, step('h2', 'start', 'approved', 'in_progress'))(p)),
    locked: null,
  },
  {
    name: 'in progress, evaluated already: evaluated again',
    stored: planIn('in_progress', { evaluation: EVALUATION }),
    change: (p) => ({ ...p, evaluation: { ...EVALUATION, outcome: 'continues' } }),
    locked: 'evaluation',
  },
  {
    name: 'in progress, evaluated already: the evaluation removed',
    stored: planIn('in_progress', { evaluation: EVALUATION }),
    change: ({ evaluation: _gone, ...p }) => p,
    locked: 'evaluation',
  },
  {
    name: 'in progress: evaluated, with more sessions',
    stored: planIn('in_progress'),
    change: (p) => moreSessions(evaluated(p)),
    locked: 'measures',
  },
  // The record's own bookkeeping is no content.
  {
    name: 'in progress: only saved again (time, signature, a lost merge value)',
    stored: planIn('in_progress'),
    change: (p) => ({
      ...p,
      updatedAt: LATER,
      updatedBy: 'prep',
      syncConflicts: [{ id: 'c1', path: 'status', at: LATER, kept: 'in_progress', lost: 'suspended' }],
    }),
    locked: null,
  },
  {
    name: 'approved: the same measures, keys in another order (as PostgreSQL returns them)',
    stored: planIn('approved'),
    change: (p) => ({
      ...p,
      measures: p.measures.map(({ plannedSessions, subject, ...m }) => ({ plannedSessions, ...m, subject })),
    }),
    locked: null,
  },
];

describe('a plan’s content is locked once it leaves preparation', () => {
  it.each(TABLE)('$name', ({ stored, change, locked }) => {
    const problem = contentLockProblem(stored, change(stored));
    expect(problem).toEqual(locked === null ? null : { code: 'planContentLocked', field: locked });
  });

  it('a new plan is not locked (the workflow check keeps it in draft)', () => {
    expect(contentLockProblem(null, planIn('draft'))).toBeNull();
  });

  it('counts as content exactly the fields the director approves', () => {
    expect([...PLAN_CONTENT_FIELDS].sort()).toEqual(
      [
        'applicationSignedOn',
        'learnerId',
        'measures',
        'preparerIds',
        'profileId',
        'risks',
        'schoolId',
        'schoolYear',
        'semester',
      ].sort(),
    );
  });
});
