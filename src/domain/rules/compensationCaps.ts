import type { Compensation } from '../activity';
import type { Learner } from '../learner';

type LearnerProgramme = Learner['programme'];
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { monthsOf, semesterOf } from './calendar';

export type CapProblem =
  | { code: 'unknownCategory' }
  | { code: 'vocationalOnly' }
  | { code: 'overCap'; capCents: number; alreadyCents: number; period: 'month' | 'semester' };

export interface CompensationEntry {
  /** Present when an existing record is edited: it is not counted twice. */
  id?: string;
  learnerId: string;
  category: string;
  month: string;
  amountCents: number;
}

/**
 * May this amount be recorded? The profile's cap holds per learner and category for a month (or, for personal
 * items, a semester), counting everything already recorded in that period whatever its status: a request already
 * uses the allowance, and refusing it later would be worse.
 */
export function checkCompensation(
  profile: ProgrammeProfile,
  entry: CompensationEntry,
  programme: LearnerProgramme,
  recorded: readonly Compensation[],
): CapProblem | null {
  const cap = profile.compensations.find((c) => c.code === entry.category);
  if (!cap) return { code: 'unknownCategory' };
  if (cap.vocationalOnly && programme !== 'vocational') return { code: 'vocationalOnly' };
  if (cap.capCents === undefined) return null;
  const months = new Set(cap.period === 'month' ? [entry.month] : monthsOf(semesterOf(entry.month)));
  const alreadyCents = recorded
    .filter(
      (c) =>
        c.id !== entry.id && c.learnerId === entry.learnerId && c.category === entry.category && months.has(c.month),
    )
    .reduce((sum, c) => sum + c.amountCents, 0);
  return alreadyCents + entry.amountCents > cap.capCents
    ? { code: 'overCap', capCents: cap.capCents, alreadyCents, period: cap.period }
    : null;
}

/** A plan's planned compensation: the monthly amount (per semester for semester-capped categories) within the cap. */
export function checkPlannedCompensation(
  profile: ProgrammeProfile,
  category: string | undefined,
  plannedCents: number | undefined,
  programme: LearnerProgramme,
): CapProblem | null {
  const cap = profile.compensations.find((c) => c.code === category);
  if (!cap) return { code: 'unknownCategory' };
  if (cap.vocationalOnly && programme !== 'vocational') return { code: 'vocationalOnly' };
  if (cap.capCents !== undefined && (plannedCents ?? 0) > cap.capCents)
    return { code: 'overCap', capCents: cap.capCents, alreadyCents: 0, period: cap.period };
  return null;
}

/** Compensations move one way: requested → approved → paid. */
export function nextCompensationStatus(status: Compensation['status']): Compensation['status'] | null {
  return status === 'requested' ? 'approved' : status === 'approved' ? 'paid' : null;
}
