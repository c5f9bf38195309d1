import { remoteChannels, type Consultation } from '../activity';
import { userRoles, type User } from '../organisation';
import type { ProgrammeProfile } from '../profile/programmeProfile';
import { countFigure, IdGroups, type CountFigure, type ShareFigure } from './figure';

const attendedBy = (c: Consultation) => c.attendees.filter((a) => a.attendance === 'attended');
/** Held: at least one learner attended, as staffHours.ts counts worked time (the figure teachers are paid from). */
export const isHeld = (c: Consultation) => c.attendees.some((a) => a.attendance === 'attended');
const isCancelled = (c: Consultation) => c.attendees.every((a) => a.attendance === 'cancelled');

export interface SessionFigures {
  /** Every consultation logged for the semester. */
  logged: CountFigure;
  held: CountFigure;
  /** Called off: every attendee's entry is "cancelled". */
  cancelled: CountFigure;
  /** Not cancelled, yet nobody came. */
  nobodyCame: CountFigure;
  /** Held consultations by mode, and the remote ones by channel. */
  heldInPerson: CountFigure;
  heldRemote: CountFigure;
  heldRemoteByChannel: Record<string, CountFigure>;
  /**
   * Unexcused absences over the learners expected at sessions that took place or were missed (cancelled entries are
   * no appointment): one learner's place in one consultation is one appointment.
   */
  noShows: {
    appointments: number;
    absences: number;
    rate: number | null;
    learners: CountFigure;
    consultations: CountFigure;
  };
}

export function sessionFigures(consultations: readonly Consultation[]): SessionFigures {
  const held = consultations.filter(isHeld);
  const remote = held.filter((c) => c.mode === 'remote');
  const byChannel = new IdGroups();
  for (const c of remote) byChannel.add(c.channel ?? 'other', c.id);
  let appointments = 0;
  const absences: { learnerId: string; consultationId: string }[] = [];
  for (const c of consultations)
    for (const a of c.attendees) {
      if (a.attendance === 'cancelled') continue;
      appointments += 1;
      if (a.attendance === 'absent_unexcused') absences.push({ learnerId: a.learnerId, consultationId: c.id });
    }
  const ids = (list: readonly Consultation[]) =>
    countFigure(
      'consultations',
      list.map((c) => c.id),
    );
  return {
    logged: ids(consultations),
    held: ids(held),
    cancelled: ids(consultations.filter(isCancelled)),
    nobodyCame: ids(consultations.filter((c) => !isHeld(c) && !isCancelled(c))),
    heldInPerson: ids(held.filter((c) => c.mode === 'in_person')),
    heldRemote: ids(remote),
    heldRemoteByChannel: byChannel.counts('consultations', remoteChannels),
    noShows: {
      appointments,
      absences: absences.length,
      rate: appointments > 0 ? absences.length / appointments : null,
      learners: countFigure(
        'learners',
        absences.map((a) => a.learnerId),
      ),
      consultations: countFigure(
        'consultations',
        absences.map((a) => a.consultationId),
      ),
    },
  };
}

export interface StaffFigures {
  /** Direct work: minutes of held consultations (a group session counts once), and the same in hours. */
  directMinutes: number;
  directHours: number;
  /** The held consultations these hours are the sum of. */
  directConsultations: CountFigure;
  /** Direct minutes by the role the consultation was given in ("subject_teacher" or a specialist role code). */
  directMinutesByRole: Record<string, number>;
  /** Staff who held at least one consultation (004: "20 pedagogi"). */
  takingPart: CountFigure;
  /** Staff taking part by the role they gave consultations in; one person may count under two roles. */
  takingPartByConsultationRole: Record<string, CountFigure>;
  /** Staff taking part by the roles of their account (teacher, psychologist, …), for those in the user directory. */
  takingPartByUserRole: Record<string, CountFigure>;
}

export function staffFigures(consultations: readonly Consultation[], users: readonly User[]): StaffFigures {
  const held = consultations.filter(isHeld);
  const byConsultationRole = new IdGroups();
  const minutesByRole: Record<string, number> = {};
  let directMinutes = 0;
  for (const c of held) {
    directMinutes += c.minutes;
    minutesByRole[c.staffRole] = (minutesByRole[c.staffRole] ?? 0) + c.minutes;
    byConsultationRole.add(c.staffRole, c.staffId);
  }
  const staffIds = new Set(held.map((c) => c.staffId));
  const byUserRole = new IdGroups();
  for (const user of users) if (staffIds.has(user.id)) for (const role of user.roles) byUserRole.add(role, user.id);
  return {
    directMinutes,
    directHours: directMinutes / 60,
    directConsultations: countFigure(
      'consultations',
      held.map((c) => c.id),
    ),
    directMinutesByRole: Object.fromEntries(Object.entries(minutesByRole).sort(([a], [b]) => a.localeCompare(b))),
    takingPart: countFigure('users', staffIds),
    takingPartByConsultationRole: byConsultationRole.counts('users'),
    takingPartByUserRole: byUserRole.counts('users', userRoles),
  };
}

export interface ConsultedLearnerFigures {
  /** Learners who attended a consultation in the subject, as shares of the learners supported (002: maths 56 %). */
  bySubject: Record<string, ShareFigure>;
  /** Learners who attended a specialist's consultation (002: consulting teacher 13,5 %, psychologist 5,7 %). */
  bySpecialistRole: Record<string, ShareFigure>;
}

export function consultedLearnerFigures(
  consultations: readonly Consultation[],
  learnersSupported: number,
  profile: ProgrammeProfile,
): ConsultedLearnerFigures {
  const bySubject = new IdGroups();
  const byRole = new IdGroups();
  for (const c of consultations.filter(isHeld))
    for (const a of attendedBy(c)) {
      if (c.subject) bySubject.add(c.subject, a.learnerId);
      if (c.staffRole !== 'subject_teacher') byRole.add(c.staffRole, a.learnerId);
    }
  return {
    bySubject: bySubject.shares('learners', learnersSupported, profile.subjects),
    bySpecialistRole: byRole.shares('learners', learnersSupported, profile.specialistRoles),
  };
}
