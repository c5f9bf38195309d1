import type { FieldConflict } from './mergeDocuments';

interface Risk {
  id: string;
  code: string;
  note?: string;
}
interface Measure {
  riskIds?: string[];
}
interface RiskedPlan {
  risks: Risk[];
  measures?: Measure[];
}

export function hasRisks(doc: unknown): doc is RiskedPlan {
  const d = doc as Partial<RiskedPlan> | null;
  return typeof d === 'object' && d !== null && Array.isArray(d.risks);
}

/**
 * A risk of the grid is ticked once per plan, but two devices ticking the same risk offline each give it an id of
 * their own, and the list merge (by id) keeps both: the plan would count one risk twice. After a merge each code
 * keeps one risk — the server's when it has one, else the first — whose note is the kept one's, or the other's when
 * the kept one has none (two different notes: the other is reported as lost). Measures that answered a dropped
 * risk answer the kept one.
 */
export function settleDuplicateRisks<T extends RiskedPlan>(
  remote: RiskedPlan,
  merged: T,
): { merged: T; conflicts: FieldConflict[] } {
  const serverIds = new Set(remote.risks.map((r) => r.id));
  const byCode = new Map<string, Risk[]>();
  for (const risk of merged.risks) byCode.set(risk.code, [...(byCode.get(risk.code) ?? []), risk]);
  if ([...byCode.values()].every((same) => same.length === 1)) return { merged, conflicts: [] };

  const conflicts: FieldConflict[] = [];
  const replacedBy = new Map<string, string>();
  const kept = new Map<string, Risk>();
  for (const [code, same] of byCode) {
    const first = same.find((r) => serverIds.has(r.id)) ?? same[0];
    if (!first) continue;
    let note = first.note ?? '';
    for (const other of same) {
      if (other === first) continue;
      replacedBy.set(other.id, first.id);
      const otherNote = other.note ?? '';
      if (!note) note = otherNote;
      else if (otherNote && otherNote !== note)
        conflicts.push({ path: `risks[${first.id}].note`, kept: note, lost: otherNote });
    }
    kept.set(code, first.note === undefined && !note ? first : { ...first, note });
  }
  const risks = merged.risks.filter((r) => !replacedBy.has(r.id)).map((r) => kept.get(r.code) ?? r);
  const measures = merged.measures?.map((m) =>
    m.riskIds?.some((id) => replacedBy.has(id))
      ? { ...m, riskIds: [...new Set(m.riskIds.map((id) => replacedBy.get(id) ?? id))] }
      : m,
  );
  return { merged: { ...merged, risks, ...(measures ? { measures } : {}) }, conflicts };
}
