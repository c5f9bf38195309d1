import type { Consultation } from '../activity';
import type { User } from '../organisation';
import type { SupportPlan } from '../plan';
import { sameSemester, semesterOf, type SchoolSemester } from './calendar';

/** One person working with a learner in a semester, and what they do for them. */
export interface LearnerStaffMember {
  staffId: string;
  /** From the directory on this device; null when the device holds no entry for them. */
  name: string | null;
  /** Profile subject codes they consult the learner in (from plan measures and logged consultations). */
  subjects: string[];
  /** Profile specialist role codes they work as with the learner (psychologist, consulting_teacher…). */
  specialistRoles: string[];
  /** Prepares one of the learner's plans for the semester. */
  preparer: boolean;
  /** Named on a measure of one of the learner's plans for the semester. */
  onPlan: boolean;
  /** Consultations of the semester the learner attended. */
  sessions: number;
}

const latvianCollator = new Intl.Collator('lv', { sensitivity: 'base' });

/**
 * Who works with a learner in a semester, derived (never stored): the preparers of the semester's plans, the staff
 * named on their measures, and whoever logged a consultation with the learner in the semester.
 *
 * Guessed where the brief is silent: inactive plans do not count; a consultation cancelled for the learner does not
 * count at all, one they missed lists the staff member without adding a session. Sorted by name (Latvian order),
 * people unknown to this device last.
 */
export function learnerStaff(input: {
  learnerId: string;
  semester: SchoolSemester;
  plans: readonly SupportPlan[];
  consultations: readonly Consultation[];
  users: readonly Pick<User, 'id' | 'displayName'>[];
}): LearnerStaffMember[] {
  const { learnerId, semester } = input;
  const byId = new Map<string, LearnerStaffMember>();
  const names = new Map(input.users.map((u) => [u.id, u.displayName]));
  const member = (staffId: string) => {
    let entry = byId.get(staffId);
    if (!entry) {
      entry = {
        staffId,
        name: names.get(staffId) ?? null,
        subjects: [],
        specialistRoles: [],
        preparer: false,
        onPlan: false,
        sessions: 0,
      };
      byId.set(staffId, entry);
    }
    return entry;
  };
  const addTo = (list: string[], code: string | undefined) => {
    if (code && !list.includes(code)) list.push(code);
  };

  for (const plan of input.plans) {
    if (plan.learnerId !== learnerId || plan.status === 'inactive' || !sameSemester(plan, semester)) continue;
    for (const id of plan.preparerIds) member(id).preparer = true;
    for (const measure of plan.measures) {
      if (!measure.staffId || measure.kind === 'compensation') continue;
      const entry = member(measure.staffId);
      entry.onPlan = true;
      if (measure.kind === 'subject_consultation') addTo(entry.subjects, measure.subject);
      else addTo(entry.specialistRoles, measure.specialistRole);
    }
  }

  for (const consultation of input.consultations) {
    const attendee = consultation.attendees.find((a) => a.learnerId === learnerId);
    if (!attendee || attendee.attendance === 'cancelled') continue;
    if (!sameSemester(semesterOf(consultation.date), semester)) continue;
    const entry = member(consultation.staffId);
    if (consultation.staffRole === 'subject_teacher') addTo(entry.subjects, consultation.subject);
    else addTo(entry.specialistRoles, consultation.staffRole);
    if (attendee.attendance === 'attended') entry.sessions += 1;
  }

  return [...byId.values()].sort((a, b) => {
    if (a.name === null || b.name === null) {
      return a.name === b.name ? a.staffId.localeCompare(b.staffId) : a.name === null ? 1 : -1;
    }
    return latvianCollator.compare(a.name, b.name);
  });
}
