import type { PlanHistoryEntry } from '../plan';

interface PlanLike {
  status: string;
  statusReason?: string;
  history: PlanHistoryEntry[];
}

export function isPlanLike(doc: unknown): doc is PlanLike {
  const d = doc as Partial<PlanLike> | null;
  return typeof d === 'object' && d !== null && typeof d.status === 'string' && Array.isArray(d.history);
}

/**
 * After a merge of a plan edited on two devices, the workflow steps this device appended while the server's copy
 * moved on (domain/merge keeps the server's history first, then this device's entries). Each step records the status
 * it was taken from: it still applies if the plan is in that status once the earlier steps are counted, and it is
 * dropped if not — the same step already taken elsewhere (a submit sent from a phone and a tablet), or a step from a
 * status the plan has left. The status (and its reason) are then what the kept steps lead to, so the status and the
 * history agree, as the server checks (rules/planWorkflow statusChangeProblem). Dropped steps are returned so the
 * person can see them (recorded as values that lost the merge).
 */
export function settleAppendedSteps<T extends PlanLike>(
  remote: PlanLike,
  merged: T,
): { merged: T; dropped: PlanHistoryEntry[] } {
  const stored = remote.history;
  const prefixKept = stored.every((entry, i) => merged.history[i]?.id === entry.id);
  const appended = merged.history.slice(stored.length);
  const isStep = (e: PlanHistoryEntry) => e.fromStatus !== undefined && e.toStatus !== undefined;
  if (!prefixKept || !appended.some(isStep)) return { merged, dropped: [] };
  let status = remote.status;
  let reason = remote.statusReason;
  const kept: PlanHistoryEntry[] = [];
  const dropped: PlanHistoryEntry[] = [];
  for (const entry of appended) {
    if (entry.fromStatus === undefined || entry.toStatus === undefined) kept.push(entry);
    else if (entry.fromStatus !== status) dropped.push(entry);
    else {
      kept.push(entry);
      status = entry.toStatus;
      reason = entry.reason;
    }
  }
  const { statusReason: _merged, ...rest } = merged;
  return {
    merged: {
      ...rest,
      status,
      ...(reason !== undefined ? { statusReason: reason } : {}),
      history: [...stored, ...kept],
    } as T,
    dropped,
  };
}
