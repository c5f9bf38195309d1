import { jsonEquals } from '../merge/mergeDocuments';
import type { PlanStatus, SupportPlan } from '../plan';
import { appendedEntries } from './planHistory';
import type { PlanAction } from './planWorkflow';

/**
 * What the director approves is the plan's content; once it has left preparation, that content is locked (issue 8:
 * an approval cannot be bypassed by approving plan A and then pushing plan B). The programme's lifecycle
 * (planWorkflow.ts): content is drawn up in a draft and changed only under revision, which goes back through
 * approval; a plan in approval, approved, in progress, suspended or inactive keeps the content that was approved. At
 * the semester's end a running (or suspended) plan is evaluated, once: that writes the evaluation and nothing else.
 *
 * Every field of a plan is given one group here, and the type checks that none is left out: a field added to the
 * plan must be placed (content unless it is shown to be otherwise).
 * - content: what is approved — the learner, school and semester it is for, its preparers, the signed application,
 *   its risks and measures (planned sessions, hours, amounts, justifications);
 * - evaluation: written once, while the plan runs or is suspended;
 * - workflow: status, its reason and the append-only history, judged by statusChangeProblem (planWorkflow.ts);
 * - log: the content edits' log (planEditLog.ts), judged by editLogProblem; it grows only while content or the
 *   evaluation may change, so a locked plan cannot claim edits nobody could make;
 * - record: the record's own bookkeeping (its id, times, signature, lost merge values).
 */
export const PLAN_FIELD_GROUPS = {
  learnerId: 'content',
  schoolId: 'content',
  schoolYear: 'content',
  semester: 'content',
  preparerIds: 'content',
  applicationSignedOn: 'content',
  risks: 'content',
  measures: 'content',
  // Never changes after the plan is made (the server refuses it: replication/planSteps.ts).
  profileId: 'content',
  evaluation: 'evaluation',
  status: 'workflow',
  statusReason: 'workflow',
  history: 'workflow',
  edits: 'log',
  id: 'record',
  createdAt: 'record',
  updatedAt: 'record',
  updatedBy: 'record',
  syncConflicts: 'record',
} as const satisfies Record<keyof SupportPlan, 'content' | 'evaluation' | 'workflow' | 'log' | 'record'>;

export type PlanField = keyof typeof PLAN_FIELD_GROUPS;
export const PLAN_CONTENT_FIELDS = (Object.keys(PLAN_FIELD_GROUPS) as PlanField[]).filter(
  (field) => PLAN_FIELD_GROUPS[field] === 'content',
);

export type ContentLockProblem = { code: 'planContentLocked'; field: PlanField };

/** Statuses in which the content is being prepared, and in which the evaluation is written. */
const CONTENT_OPEN: ReadonlySet<PlanStatus> = new Set(['draft', 'under_revision']);
const EVALUATION_OPEN: ReadonlySet<PlanStatus> = new Set(['in_progress', 'suspended']);

/**
 * Where the steps that can open a plan lead. The others (submit, approve, deactivate) lead to in approval, approved
 * or inactive, where neither content nor evaluation may change, so they add no status that matters here.
 */
const LEADS_TO: ReadonlyMap<string, PlanStatus> = new Map<PlanAction, PlanStatus>([
  ['return', 'draft'],
  ['withdraw', 'draft'],
  ['revise', 'under_revision'],
  ['start', 'in_progress'],
  ['resume', 'in_progress'],
  ['suspend', 'suspended'],
]);

/**
 * Does this push change what the plan's status does not let change? The push's own steps count: a change made
 * after a step that opens the plan is allowed (revised, then measures changed; returned, then corrected), and so is
 * one made before a step that closes it (measures changed, then sent for approval — the approval sees the pushed
 * content). The content may change if the plan is open in any status of the push (the stored one or one its steps
 * lead to); the evaluation may be written, once, if the plan runs or is suspended in one of them. Judged after the
 * workflow check (statusChangeProblem), which makes sure the history only grows and each step is allowed.
 */
export function contentLockProblem(previous: SupportPlan | null, next: SupportPlan): ContentLockProblem | null {
  // A new plan starts in draft (the workflow check refuses any other status): nothing was approved yet.
  if (!previous) return null;
  const statuses = new Set<PlanStatus>([previous.status]);
  for (const entry of appendedEntries(previous.history, next.history)) {
    // Other entries (created, evaluate, or any text a device sends) lead nowhere.
    const reached = LEADS_TO.get(entry.action);
    if (reached) statuses.add(reached);
  }
  const passes = (open: ReadonlySet<PlanStatus>) => [...statuses].some((s) => open.has(s));
  const contentOpen = passes(CONTENT_OPEN);
  const evaluationOpen = previous.evaluation === undefined && next.evaluation !== undefined && passes(EVALUATION_OPEN);
  for (const field of Object.keys(PLAN_FIELD_GROUPS) as PlanField[]) {
    const group = PLAN_FIELD_GROUPS[field];
    if (group !== 'content' && group !== 'evaluation') continue;
    if (jsonEquals(previous[field], next[field])) continue;
    if (group === 'content' ? !contentOpen : !evaluationOpen) return { code: 'planContentLocked', field };
  }
  if (!jsonEquals(previous.edits ?? [], next.edits ?? []) && !contentOpen && !evaluationOpen)
    return { code: 'planContentLocked', field: 'edits' };
  return null;
}
