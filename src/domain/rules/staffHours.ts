import type { Consultation } from '../activity';

/** A consultation counts as worked time when at least one learner attended (absences and cancellations do not). */
export function workedMinutes(consultations: readonly Consultation[], from: string, to: string): number {
  return consultations
    .filter((c) => c.date >= from && c.date <= to && c.attendees.some((a) => a.attendance === 'attended'))
    .reduce((sum, c) => sum + c.minutes, 0);
}

/** No-shows per learner (unexcused absences): repeated ones are a sign the support is not working. */
export function noShowsByLearner(consultations: readonly Consultation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of consultations)
    for (const a of c.attendees)
      if (a.attendance === 'absent_unexcused') counts.set(a.learnerId, (counts.get(a.learnerId) ?? 0) + 1);
  return counts;
}
