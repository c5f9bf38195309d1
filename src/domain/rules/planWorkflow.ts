import { preparesPlan, type Actor } from '../access/permissions';
import type { Learner } from '../learner';
import type { School } from '../organisation';
import type { PlanHistoryEntry, PlanStatus, SupportPlan } from '../plan';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { sameSemester, semesterOf } from './calendar';
import { checkPlannedCompensation } from './compensationCaps';
import { appendedEntries, historyAppendProblem, type HistoryProblem } from './planHistory';

/**
 * The support plan's statuses, as the programme's national system names them, and who moves it between them: draft →
 * in approval → approved → in progress (in approval → draft again: withdrawn by its preparer before anyone approved it,
 * or returned by an approver); suspended (with a reason, resumable only within its semester); under revision
 * (back through approval); inactive. Approval is by the director, then by the municipal coordinator unless the school
 * is state-founded.
 */
export const planActions = [
  'submit',
  'withdraw',
  'approve',
  'return',
  'start',
  'suspend',
  'resume',
  'revise',
  'deactivate',
] as const;
export type PlanAction = (typeof planActions)[number];

const FROM: Record<PlanAction, readonly PlanStatus[]> = {
  submit: ['draft', 'under_revision'],
  withdraw: ['in_approval'],
  approve: ['in_approval'],
  return: ['in_approval'],
  start: ['approved'],
  suspend: ['in_progress'],
  resume: ['suspended'],
  revise: ['approved', 'in_progress', 'suspended'],
  deactivate: ['draft', 'in_approval', 'approved', 'in_progress', 'suspended', 'under_revision'],
};

const NEEDS_REASON: ReadonlySet<PlanAction> = new Set(['return', 'suspend', 'revise', 'deactivate']);

export type PlanProblem =
  | { code: 'notFromStatus'; status: PlanStatus }
  | { code: 'roleNotAllowed' }
  | { code: 'ownPlan' }
  | { code: 'reasonRequired' }
  | { code: 'otherSemester' }
  | { code: 'noRisks' }
  | { code: 'noMeasures' }
  | { code: 'measureWithoutRisk'; measureId: string }
  | { code: 'measureWithoutJustification'; measureId: string }
  | { code: 'measureOverCap'; measureId: string; capCents: number }
  | { code: 'measureNotAllowed'; measureId: string }
  /** A risk that is not in the grid of the plan's own profile. */
  | { code: 'riskNotInProfile'; riskCode: string }
  | HistoryProblem;

export interface WorkflowContext {
  actor: Actor;
  school: Pick<School, 'id' | 'municipalityId' | 'stateFounded'>;
  learner: Pick<Learner, 'programme'>;
  profile: ProgrammeProfile;
  /** Today, YYYY-MM-DD, as the device sees it; without it (on the server) the semester rule for resuming is skipped. */
  today?: string;
}

/** Whose approval a plan in approval waits for: after a submit, the director; then the municipality. */
export function approvalStage(plan: Pick<SupportPlan, 'status' | 'history'>): 'director' | 'municipality' | null {
  if (plan.status !== 'in_approval') return null;
  return sinceSubmit(plan).some((h) => h.action === 'approve') ? 'municipality' : 'director';
}

function sinceSubmit(plan: Pick<SupportPlan, 'history'>) {
  return plan.history.slice(plan.history.map((h) => h.action).lastIndexOf('submit') + 1);
}

/**
 * The approval chain puts a second person in the loop (issue 8.5): no one approves, at any stage, a plan they are a
 * preparer of or sent for approval themselves (the latest submit), nor gives the municipality's approval to a plan
 * they approved as its director. Returning it stays open to them: it puts nothing through — the plan goes back to
 * draft and must come back through a submit and another person's approval — and it is the only way a director who
 * prepared the plan can take it back from a queue where no one else may be able to approve it.
 */
export function approvesOwnPlan(plan: Pick<SupportPlan, 'history' | 'preparerIds'>, actor: Actor): boolean {
  const lastSubmit = plan.history.filter((h) => h.action === 'submit').at(-1);
  return (
    plan.preparerIds.includes(actor.userId) ||
    lastSubmit?.byUserId === actor.userId ||
    sinceSubmit(plan).some((h) => h.action === 'approve' && h.byUserId === actor.userId)
  );
}

/**
 * What stops a plan from going to approval: risks (of its profile's grid), measures (of its profile's kinds, within
 * its caps), each measure tied to a risk with a justification. `context.profile` is the plan's own profile.
 */
export function readinessProblems(plan: SupportPlan, context: Omit<WorkflowContext, 'actor' | 'today'>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.risks.length === 0) problems.push({ code: 'noRisks' });
  if (plan.measures.length === 0) problems.push({ code: 'noMeasures' });
  const riskIds = new Set(plan.risks.map((r) => r.id));
  const grid = new Set(context.profile.riskGroups.flatMap((g) => g.items));
  for (const risk of plan.risks)
    if (!grid.has(risk.code)) problems.push({ code: 'riskNotInProfile', riskCode: risk.code });
  for (const measure of plan.measures) {
    if (!context.profile.measureKinds.includes(measure.kind)) {
      problems.push({ code: 'measureNotAllowed', measureId: measure.id });
      continue;
    }
    if (!measure.riskIds.some((id) => riskIds.has(id)))
      problems.push({ code: 'measureWithoutRisk', measureId: measure.id });
    if (!measure.justification.trim()) problems.push({ code: 'measureWithoutJustification', measureId: measure.id });
    if (measure.kind === 'compensation') {
      const cap = checkPlannedCompensation(
        context.profile,
        measure.compensationCategory,
        measure.plannedMonthlyCents,
        context.learner.programme,
      );
      if (cap?.code === 'overCap')
        problems.push({ code: 'measureOverCap', measureId: measure.id, capCents: cap.capCents });
      else if (cap) problems.push({ code: 'measureNotAllowed', measureId: measure.id });
    }
  }
  return problems;
}

function mayAct(action: PlanAction, plan: SupportPlan, { actor, school }: WorkflowContext): boolean {
  const has = (role: Actor['roles'][number]) => actor.roles.includes(role);
  const inSchool = actor.schoolIds.includes(school.id);
  // Preparing needs the role as well as the place in the list (issue 8.10, see permissions.ts).
  const preparer = preparesPlan(actor, plan) && inSchool;
  const coordinator = (has('school_coordinator') && inSchool) || has('administrator');
  const director = has('director') && inSchool;
  switch (action) {
    case 'approve':
    case 'return': {
      // Approval is personal and by role: an administrator does not stand in for a director.
      const stage = approvalStage(plan);
      if (stage === 'director') return director;
      return has('municipal_coordinator') && actor.municipalityIds.includes(school.municipalityId);
    }
    case 'withdraw':
      // Sent by mistake (issue 13.7): taken back by those who may send it, while no one has approved it yet; once an
      // approver has acted the plan is in their hands, and they return it.
      return (preparer || coordinator) && approvalStage(plan) === 'director';
    case 'submit':
    case 'start':
    case 'revise':
      return preparer || coordinator;
    case 'suspend':
    case 'resume':
      return preparer || coordinator || director;
    case 'deactivate':
      return coordinator || director;
  }
}

function nextStatus(action: PlanAction, plan: SupportPlan, school: WorkflowContext['school']): PlanStatus {
  switch (action) {
    case 'submit':
      return 'in_approval';
    case 'approve':
      return approvalStage(plan) === 'director' && !school.stateFounded ? 'in_approval' : 'approved';
    case 'return':
    case 'withdraw':
      return 'draft';
    case 'start':
    case 'resume':
      return 'in_progress';
    case 'suspend':
      return 'suspended';
    case 'revise':
      return 'under_revision';
    case 'deactivate':
      return 'inactive';
  }
}

/** Everything that stands in the way of `action` now; empty means it may be done. */
export function transitionProblems(
  plan: SupportPlan,
  action: PlanAction,
  context: WorkflowContext,
  reason = '',
): PlanProblem[] {
  if (!FROM[action].includes(plan.status)) return [{ code: 'notFromStatus', status: plan.status }];
  if (!mayAct(action, plan, context)) return [{ code: 'roleNotAllowed' }];
  if (action === 'approve' && approvesOwnPlan(plan, context.actor)) return [{ code: 'ownPlan' }];
  if (NEEDS_REASON.has(action) && !reason.trim()) return [{ code: 'reasonRequired' }];
  if (action === 'resume' && context.today && !sameSemester(semesterOf(context.today), plan))
    return [{ code: 'otherSemester' }];
  return action === 'submit' ? readinessProblems(plan, context) : [];
}

/** The actions this person may take on the plan now (for the buttons a screen shows). */
export function availableActions(plan: SupportPlan, context: WorkflowContext): PlanAction[] {
  return planActions.filter((action) => {
    const problems = transitionProblems(plan, action, context, 'reason given on the screen');
    // A plan that is not ready still shows "submit": pressing it lists what is missing.
    return problems.length === 0 || (action === 'submit' && problems.every((p) => !GATE_CODES.has(p.code)));
  });
}
const GATE_CODES: ReadonlySet<PlanProblem['code']> = new Set([
  'notFromStatus',
  'roleNotAllowed',
  'ownPlan',
  'otherSemester',
]);

/**
 * The plan after `action`, with its history entry (who, when, what, why), or the problems that prevent it.
 * `entryId` and `at` come from the caller so the function stays pure.
 */
export function applyTransition(
  plan: SupportPlan,
  action: PlanAction,
  context: WorkflowContext,
  { reason = '', entryId, at }: { reason?: string; entryId: string; at: string },
): { ok: true; plan: SupportPlan } | { ok: false; problems: PlanProblem[] } {
  const problems = transitionProblems(plan, action, context, reason);
  if (problems.length) return { ok: false, problems };
  const toStatus = nextStatus(action, plan, context.school);
  const entry: PlanHistoryEntry = {
    id: entryId,
    at,
    byUserId: context.actor.userId,
    action,
    fromStatus: plan.status,
    toStatus,
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  };
  const { statusReason: _previous, ...rest } = plan;
  return {
    ok: true,
    plan: {
      ...rest,
      status: toStatus,
      ...(NEEDS_REASON.has(action) ? { statusReason: reason.trim() } : {}),
      history: [...plan.history, entry],
      updatedAt: at,
    },
  };
}

/** Money spent on a plan keeps it: it may be made inactive, never deleted. */
export function canDeletePlan(planId: string, compensations: readonly { planId: string; status: string }[]): boolean {
  return !compensations.some((c) => c.planId === planId && c.status === 'paid');
}

/**
 * For the server: does a pushed plan move along the workflow, by this person? The device records each step as a
 * history entry. The history is append-only (planHistory.ts); the workflow steps among the appended entries are
 * replayed in order from the stored plan (each allowed from the status before it, with a reason where one is asked,
 * on a plan ready for it) and must end in the pushed status. The device's clock is not trusted, so the semester rule
 * for resuming is left to the device.
 */
export function statusChangeProblem(
  previous: SupportPlan | null,
  next: SupportPlan,
  context: Omit<WorkflowContext, 'today'>,
): PlanProblem | null {
  const stored = previous?.history ?? [];
  const historyProblem = historyAppendProblem(stored, next.history, context.actor.userId);
  if (historyProblem) return historyProblem;
  if (!previous) return next.status === 'draft' ? null : { code: 'notFromStatus', status: next.status };
  let state: SupportPlan = previous;
  for (const entry of appendedEntries(stored, next.history)) {
    const action = planActions.find((a) => a === entry.action);
    if (!action) continue;
    // Readiness is judged on the plan as pushed: its content and its steps arrive together.
    const judged = action === 'submit' ? { ...next, status: state.status, history: state.history } : state;
    const problems = transitionProblems(judged, action, context, entry.reason ?? '');
    if (problems.length) return problems[0] ?? null;
    state = { ...state, status: nextStatus(action, state, context.school), history: [...state.history, entry] };
  }
  return state.status === next.status ? null : { code: 'notFromStatus', status: previous.status };
}
