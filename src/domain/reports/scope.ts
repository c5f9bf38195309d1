import type { Compensation, Consultation } from '../activity';
import type { IndirectWork } from '../indirectWork';
import type { StaffEvent } from '../staffEvent';
import type { Learner } from '../learner';
import type { User } from '../organisation';
import type { SupportPlan } from '../plan';
import { sameSemester, semesterOf, type SchoolSemester } from '../rules/calendar';
import { countable } from '../rules/refused';

/**
 * A record as either side holds it: the device's documents (RxDB never returns deleted ones) or the server's rows
 * (a withdrawn compensation or a deleted plan is a tombstone with `_deleted: true`). Either way a deleted record
 * counts in no figure.
 */
export type Stored<T> = T & { _deleted?: boolean };

/** The plain entity arrays a report is computed from, exactly as the app stores them. */
export interface ReportInput {
  /** For where they live (compensations' learners from other municipalities); records carry their own learnerId. */
  learners: readonly Stored<Learner>[];
  plans: readonly Stored<SupportPlan>[];
  consultations: readonly Stored<Consultation>[];
  compensations: readonly Stored<Compensation>[];
  users: readonly Stored<User>[];
  /**
   * Staff development events in reach (a school's and its municipality's): absent where none are read, as in the
   * state's report, which does not count them yet.
   */
  staffEvents?: readonly Stored<StaffEvent>[];
  /** Staff's indirect work per month (indirectWork.ts): absent where none is read, as in the state's report. */
  indirectWork?: readonly Stored<IndirectWork>[];
  /**
   * Records whose last change the server refused (the device's sync state): they are not what the server holds, so
   * they are left out here as in every other total (rules/refused.ts) — which is what keeps device and server equal.
   */
  refusedIds?: ReadonlySet<string>;
}

/** The records of one semester (and, when given, of some schools only) that the figures are computed from. */
export interface SemesterRecords {
  semester: SchoolSemester;
  /** Every learner, whatever their school now. */
  learners: Learner[];
  /** The semester's plans, whatever their status. */
  plans: SupportPlan[];
  /** Consultations dated within the semester. */
  consultations: Consultation[];
  /** Every consultation in scope, whatever its date: a plan's delivered share counts the ones linked to it. */
  allConsultations: Consultation[];
  /** Compensations for a month of the semester. */
  compensations: Compensation[];
  allCompensations: Compensation[];
  users: User[];
}

const NONE: ReadonlySet<string> = new Set();

/** The records that count: neither deleted nor refused by the server. */
export function present<T extends { id: string }>(records: readonly Stored<T>[], refused: ReadonlySet<string>): T[] {
  return countable(
    records.filter((r) => r._deleted !== true),
    refused,
  );
}

/**
 * Each record belongs to the semester by its own date: a plan by its school year and semester, a consultation by its
 * day, a compensation by the month it pays for (calendar.ts: semester 1 is September–December). A record belongs to
 * a school by its own schoolId, not by the learner's current school: a learner who moved keeps the earlier school's
 * plan and consultations in that school's report. Archived learners (who left or graduated) are counted like anyone
 * else: the support they had that semester happened.
 */
export function semesterRecords(
  input: ReportInput,
  semester: SchoolSemester,
  schoolIds?: ReadonlySet<string>,
): SemesterRecords {
  const refused = input.refusedIds ?? NONE;
  const inSchools = (r: { schoolId: string }) => schoolIds === undefined || schoolIds.has(r.schoolId);
  const allConsultations = present(input.consultations, refused).filter(inSchools);
  const allCompensations = present(input.compensations, refused).filter(inSchools);
  return {
    semester,
    // Looked up by id, not filtered by school: a learner's schoolId is where they are now, not where they were.
    learners: present(input.learners, refused),
    plans: present(input.plans, refused).filter((p) => inSchools(p) && sameSemester(p, semester)),
    consultations: allConsultations.filter((c) => sameSemester(semesterOf(c.date), semester)),
    allConsultations,
    compensations: allCompensations.filter((c) => sameSemester(semesterOf(c.month), semester)),
    allCompensations,
    users: present(input.users, refused),
  };
}
