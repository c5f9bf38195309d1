import { jsonEquals } from '../merge/mergeDocuments';
import {
  MAX_PLAN_EDITS,
  planEditParts,
  type Measure,
  type PlanEditEntry,
  type PlanEditPart,
  type SupportPlan,
} from '../plan';

/**
 * A plan's history lists every content edit (issue 9): who, when, and which parts changed — risks, measures added,
 * changed or removed, the evaluation — never the values (those may be sensitive). One person's edits within a few
 * minutes are one run, so a session of typing is one line and the log does not grow with every keystroke.
 */
export const EDIT_RUN_MS = 10 * 60 * 1000;

const FIELD_PARTS: readonly [keyof SupportPlan, PlanEditPart][] = [
  ['learnerId', 'learner'],
  ['schoolId', 'learner'],
  ['schoolYear', 'semester'],
  ['semester', 'semester'],
  ['preparerIds', 'preparers'],
  ['applicationSignedOn', 'applicationSignedOn'],
  ['risks', 'risks'],
  ['evaluation', 'evaluation'],
];

function measureParts(before: readonly Measure[], after: readonly Measure[]): PlanEditPart[] {
  const old = new Map(before.map((m) => [m.id, m]));
  const now = new Map(after.map((m) => [m.id, m]));
  const parts: PlanEditPart[] = [];
  if (after.some((m) => !old.has(m.id))) parts.push('measuresAdded');
  if (after.some((m) => old.has(m.id) && !jsonEquals(old.get(m.id), m))) parts.push('measuresChanged');
  if (before.some((m) => !now.has(m.id))) parts.push('measuresRemoved');
  return parts;
}

/** The parts of the plan an edit changed, in the order planEditParts gives them. */
export function editedParts(before: SupportPlan, after: SupportPlan): PlanEditPart[] {
  const found = new Set<PlanEditPart>(measureParts(before.measures, after.measures));
  for (const [field, part] of FIELD_PARTS) if (!jsonEquals(before[field], after[field])) found.add(part);
  return planEditParts.filter((part) => found.has(part));
}

/**
 * The plan after an edit, with the edit logged: a new entry, or the person's last entry extended when it is theirs
 * and recent (a run). An edit that changed no content part logs nothing; a full log takes no more entries.
 */
export function logPlanEdit(
  before: SupportPlan,
  after: SupportPlan,
  edit: { byUserId: string; at: string; entryId: string },
): SupportPlan {
  const parts = editedParts(before, after);
  if (parts.length === 0) return after;
  const log = after.edits ?? [];
  const last = log.at(-1);
  const sameRun =
    last !== undefined &&
    last.byUserId === edit.byUserId &&
    Date.parse(edit.at) >= Date.parse(last.at) &&
    Date.parse(edit.at) - Date.parse(last.firstAt) <= EDIT_RUN_MS;
  if (last && sameRun) {
    const union = new Set<PlanEditPart>([...last.parts, ...parts]);
    const extended: PlanEditEntry = { ...last, at: edit.at, parts: planEditParts.filter((p) => union.has(p)) };
    return { ...after, edits: [...log.slice(0, -1), extended] };
  }
  if (log.length >= MAX_PLAN_EDITS) return after;
  const entry: PlanEditEntry = { id: edit.entryId, firstAt: edit.at, at: edit.at, byUserId: edit.byUserId, parts };
  return { ...after, edits: [...log, entry] };
}

export type EditLogProblem = { code: 'planEditRewritten' } | { code: 'planEditNotOwn'; entryId: string };

/**
 * Checked by the server in the push's transaction: the pushed log keeps every stored entry as it is — except that the
 * pusher's own entries may be extended (same id and start, a later end, more parts: a run continued, perhaps on a
 * device that had not seen a colleague's entry after it yet) — and adds only entries of the pusher's own. A log in
 * someone else's name, or a rewritten one, is refused.
 */
export function editLogProblem(
  stored: readonly PlanEditEntry[] | undefined,
  pushed: readonly PlanEditEntry[] | undefined,
  actorId: string,
): EditLogProblem | null {
  const [before, after] = [stored ?? [], pushed ?? []];
  if (after.length < before.length) return { code: 'planEditRewritten' };
  for (let i = 0; i < before.length; i++) {
    const [was, is] = [before[i], after[i]];
    if (!was || !is || jsonEquals(was, is)) continue;
    const extendsOwn =
      was.byUserId === actorId &&
      is.id === was.id &&
      is.byUserId === was.byUserId &&
      is.firstAt === was.firstAt &&
      is.at >= was.at &&
      was.parts.every((p) => is.parts.includes(p));
    if (!extendsOwn) return { code: 'planEditRewritten' };
  }
  const used = new Set(before.map((e) => e.id));
  for (const entry of after.slice(before.length)) {
    if (entry.byUserId !== actorId) return { code: 'planEditNotOwn', entryId: entry.id };
    if (used.has(entry.id)) return { code: 'planEditRewritten' };
    used.add(entry.id);
  }
  return null;
}
