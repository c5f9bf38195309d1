import { canWrite, mayCreatePlan } from '../access/permissions';
import {
  noImprovementReasons,
  type Measure,
  type NoImprovementReason,
  type PlanOutcome,
  type SupportPlan,
} from '../plan';
import type { SchoolSemester } from './calendar';
import { contentLockProblem } from './planContentLock';
import { statusChangeProblem, type WorkflowContext } from './planWorkflow';

/**
 * The edits a person makes to a plan's content, as pure functions of the plan (the way Actual Budget's
 * shared/transactions.ts serves client and server): the screen only wires them to the stored plan, and tests and the
 * server's checks can build the very same edits. Ids and moments come from the caller, so each function is pure.
 */

/** Ticks or unticks a risk of the grid; unticking also unlinks it from every measure that answered it. */
export function toggleRisk(plan: SupportPlan, code: string, checked: boolean, newRiskId: string): SupportPlan {
  if (checked) {
    if (plan.risks.some((r) => r.code === code)) return plan;
    return { ...plan, risks: [...plan.risks, { id: newRiskId, code, note: '' }] };
  }
  const removed = new Set(plan.risks.filter((r) => r.code === code).map((r) => r.id));
  if (removed.size === 0) return plan;
  return {
    ...plan,
    risks: plan.risks.filter((r) => r.code !== code),
    measures: plan.measures.map((m) => ({ ...m, riskIds: m.riskIds.filter((id) => !removed.has(id)) })),
  };
}

/** Writes the note of one ticked risk. */
export function noteRisk(plan: SupportPlan, riskId: string, note: string): SupportPlan {
  return { ...plan, risks: plan.risks.map((r) => (r.id === riskId ? { ...r, note } : r)) };
}

/** Replaces the measure with the same id in its place, or adds it at the end. */
export function saveMeasure(plan: SupportPlan, measure: Measure): SupportPlan {
  const known = plan.measures.some((m) => m.id === measure.id);
  return {
    ...plan,
    measures: known ? plan.measures.map((m) => (m.id === measure.id ? measure : m)) : [...plan.measures, measure],
  };
}

export function removeMeasure(plan: SupportPlan, measureId: string): SupportPlan {
  return { ...plan, measures: plan.measures.filter((m) => m.id !== measureId) };
}

export interface EvaluationInput {
  outcome: PlanOutcome;
  /** Chosen reasons when the outcome is no improvement; ignored for any other outcome. */
  reasons?: readonly NoImprovementReason[];
  note: string;
  /** The delivered share from the logs at this moment (null when nothing was planned: recorded as 0). */
  deliveredShare: number | null;
  byUserId: string;
  /** One moment for the evaluation and its history entry (updatePlan's `now`). */
  at: string;
  entryId: string;
}

/** The semester's evaluation, and its entry in the history (who evaluated, when). */
export function evaluatePlan(plan: SupportPlan, input: EvaluationInput): SupportPlan {
  // In the list's order and once each, whatever order they were ticked in: the stored value is the same for the same
  // choice, so two devices evaluating alike do not conflict.
  const reasons =
    input.outcome === 'no_improvement' ? noImprovementReasons.filter((r) => input.reasons?.includes(r)) : [];
  return {
    ...plan,
    evaluation: {
      deliveredShare: input.deliveredShare ?? 0,
      outcome: input.outcome,
      ...(reasons.length > 0 ? { reasons } : {}),
      note: input.note.trim(),
      evaluatedAt: input.at,
      evaluatedBy: input.byUserId,
    },
    history: [...plan.history, { id: input.entryId, at: input.at, byUserId: input.byUserId, action: 'evaluate' }],
  };
}

export interface PlanDraftInput {
  learnerId: string;
  schoolId: string;
  semester: SchoolSemester;
  preparerId: string;
  applicationSignedOn?: string | undefined;
  /** Last semester's plan, when support continues: its risks and measures are carried over. */
  from?: SupportPlan | undefined;
  /** The programme profile the plan is made under (profileForSchoolYear); kept for good. */
  profileId?: string | undefined;
}

/**
 * A new plan in draft, prepared by one person, with its "created" entry. Carried over from last semester's plan, its
 * risks and measures get new ids (so this semester's consultations never count for last semester's measures) and
 * each measure keeps its links to the carried risks; the evaluation, history and status are not carried.
 */
export function draftPlan(input: PlanDraftInput, newId: () => string, at: string): SupportPlan {
  const riskIds = new Map((input.from?.risks ?? []).map((r) => [r.id, newId()]));
  return {
    id: newId(),
    createdAt: at,
    updatedAt: at,
    learnerId: input.learnerId,
    schoolId: input.schoolId,
    schoolYear: input.semester.schoolYear,
    semester: input.semester.semester,
    preparerIds: [input.preparerId],
    status: 'draft',
    ...(input.applicationSignedOn ? { applicationSignedOn: input.applicationSignedOn } : {}),
    ...(input.profileId ? { profileId: input.profileId } : {}),
    risks: (input.from?.risks ?? []).map((r) => ({ ...r, id: riskIds.get(r.id) ?? newId() })),
    measures: (input.from?.measures ?? []).map((m) => ({
      ...m,
      id: newId(),
      riskIds: m.riskIds.flatMap((id) => riskIds.get(id) ?? []),
    })),
    history: [
      {
        id: newId(),
        at,
        byUserId: input.preparerId,
        action: input.from ? 'created_from_previous' : 'created',
        toStatus: 'draft',
      },
    ],
  };
}

/** Content (risks, measures) is drawn up in a draft and changed only under revision, which goes back to approval. */
export const contentOpen = (plan: Pick<SupportPlan, 'status'>) =>
  plan.status === 'draft' || plan.status === 'under_revision';

/** A plan is evaluated once, while it runs (or is suspended) at its semester's end. */
export const evaluationOpen = (plan: Pick<SupportPlan, 'status' | 'evaluation'>) =>
  plan.evaluation === undefined && (plan.status === 'in_progress' || plan.status === 'suspended');

/**
 * Would the server take this change of the plan from this person? The same checks its push runs on a plan
 * (server/replication/writeCheck.ts): the permission table, then the workflow and the append-only history, then the
 * lock on the content of a plan that has left preparation (planContentLock.ts).
 */
export function planChangeAllowed(
  context: Omit<WorkflowContext, 'today'>,
  previous: SupportPlan,
  next: SupportPlan,
): boolean {
  const asDoc = (p: SupportPlan) => p as unknown as Record<string, unknown>;
  return (
    canWrite(context.actor, 'plans', asDoc(previous), asDoc(next)).ok &&
    statusChangeProblem(previous, next, context) === null &&
    contentLockProblem(previous, next) === null
  );
}

export interface PlanOffers {
  /** Tick risks, write their notes, add, change and remove measures. */
  editContent: boolean;
  evaluate: boolean;
  /** Draft next semester's plan from an evaluation that says support continues. */
  continueNext: boolean;
}

const PROBE_ID = 'probe';
const PROBE_AT = '2000-01-01T00:00:00.000Z';

/**
 * What the screen offers this person on this plan: each offer is the server's own test applied to the edit it would
 * make (a risk ticked, an evaluation), so the screen offers exactly what a push would be accepted for. Without a
 * context (the person's reach, the school or the learner not yet known) nothing is offered.
 */
export function planOffers(plan: SupportPlan, context: Omit<WorkflowContext, 'today'> | null): PlanOffers {
  if (!context) return { editContent: false, evaluate: false, continueNext: false };
  const { actor } = context;
  // A risk code no grid has, so ticking it is always a change of content whatever the plan already holds.
  const contentProbe = toggleRisk(plan, `${PROBE_ID}.risk`, true, PROBE_ID);
  const evaluationProbe = evaluatePlan(plan, {
    outcome: 'improved',
    note: '',
    deliveredShare: 0,
    byUserId: actor.userId,
    at: PROBE_AT,
    entryId: `${PROBE_ID}-${plan.history.length}`,
  });
  return {
    editContent: contentOpen(plan) && planChangeAllowed(context, plan, contentProbe),
    evaluate: evaluationOpen(plan) && planChangeAllowed(context, plan, evaluationProbe),
    // The next plan is a new one, prepared by this person: the permission table's test for creating a plan.
    continueNext: plan.evaluation?.outcome === 'continues' && mayCreatePlan(actor, plan.schoolId),
  };
}
