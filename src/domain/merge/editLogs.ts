import { planEditParts, type PlanEditEntry, type PlanEditPart } from '../plan';

/**
 * Two devices' edit logs of one plan (rules/planEditLog) merge into one that keeps both: the server's entries in
 * their order, then those only this device has. One person's run continued on two devices is one entry, with the
 * parts of both and the later end — never a conflict to report, since no one's edit is lost by it.
 */
export function mergeEditLogs(
  local: readonly PlanEditEntry[] | undefined,
  remote: readonly PlanEditEntry[] | undefined,
): PlanEditEntry[] | undefined {
  if (!local && !remote) return undefined;
  const mine = new Map((local ?? []).map((e) => [e.id, e]));
  const theirs = new Set((remote ?? []).map((e) => e.id));
  const merged = (remote ?? []).map((r) => {
    const l = mine.get(r.id);
    if (!l) return r;
    const parts = new Set<PlanEditPart>([...r.parts, ...l.parts]);
    return { ...r, at: l.at > r.at ? l.at : r.at, parts: planEditParts.filter((p) => parts.has(p)) };
  });
  return [...merged, ...(local ?? []).filter((e) => !theirs.has(e.id))];
}
