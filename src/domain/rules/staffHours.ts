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

/** One staff member's held consultations in a period: what the school pays them for. */
export interface StaffHours {
  staffId: string;
  /** Consultations held (at least one learner attended); a group session is one session. */
  sessions: number;
  minutes: number;
  /** Learners who attended at least once. */
  learners: number;
  /** Minutes by activity: the subject code for subject teachers, otherwise the specialist role code. */
  byActivity: Record<string, number>;
}

/**
 * Held hours per staff member between two dates (inclusive), most hours first. Counted like "my hours", so the
 * teacher and whoever pays them see the same figure.
 */
export function hoursByStaff(consultations: readonly Consultation[], from: string, to: string): StaffHours[] {
  const byStaff = new Map<string, StaffHours & { learnerIds: Set<string> }>();
  for (const c of consultations) {
    if (c.date < from || c.date > to) continue;
    const attended = c.attendees.filter((a) => a.attendance === 'attended');
    if (attended.length === 0) continue;
    const entry = byStaff.get(c.staffId) ?? {
      staffId: c.staffId,
      sessions: 0,
      minutes: 0,
      learners: 0,
      byActivity: {},
      learnerIds: new Set<string>(),
    };
    entry.sessions += 1;
    entry.minutes += c.minutes;
    const activity = c.staffRole === 'subject_teacher' && c.subject ? c.subject : c.staffRole;
    entry.byActivity[activity] = (entry.byActivity[activity] ?? 0) + c.minutes;
    for (const a of attended) entry.learnerIds.add(a.learnerId);
    byStaff.set(c.staffId, entry);
  }
  return [...byStaff.values()]
    .map(({ learnerIds, ...hours }) => ({ ...hours, learners: learnerIds.size }))
    .sort((a, b) => b.minutes - a.minutes || a.staffId.localeCompare(b.staffId));
}
