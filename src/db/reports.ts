import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import {
  isIndirectWork,
  isStaffEvent,
  monthsOf,
  type Compensation,
  type Consultation,
  type IndirectWork,
  type Learner,
  type ReportInput,
  type SchoolSemester,
  type StaffEvent,
  type SupportPlan,
  type User,
} from '../domain';
import type { AtbalstsDatabase } from './createDatabase';
import { useLiveQuery } from './hooks/useLiveQuery';

const EMPTY: ReportInput = { learners: [], plans: [], consultations: [], compensations: [], users: [] };

/** The first and last day (YYYY-MM-DD) and month (YYYY-MM) of a semester, for range queries over the indexes. */
export function semesterRange(semester: SchoolSemester) {
  const months = monthsOf(semester);
  const firstMonth = months[0] ?? '';
  const lastMonth = months[months.length - 1] ?? '';
  // "-31" is past every month's last day in string order, so no month needs its length worked out.
  return { firstMonth, lastMonth, firstDay: `${firstMonth}-01`, lastDay: `${lastMonth}-31` };
}

/** RxDB's data shallowly copied, not deep-cloned: a report reads whole semesters and changes nothing it reads. */
const plain =
  <T>() =>
  (docs: { toJSON(): unknown }[]) =>
    docs.map((d) => d.toJSON() as T);

/** Records of both lists, each once (a consultation dated in the semester and linked to one of its plans). */
function union<T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] {
  const byId = new Map(a.map((r) => [r.id, r]));
  for (const r of b) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * Exactly the rows a semester report of these schools is computed from (domain/reports/scope.ts), live:
 * - the semester's plans, by the [schoolId, schoolYear, semester] index;
 * - consultations dated in the semester ([schoolId, date]) and those linked to its plans whatever their date
 *   (planId): a plan's delivered share counts every session logged for it;
 * - compensations for the semester's months ([schoolId, month]) and those of its plans (planId), likewise;
 * - the schools' learners (for names behind a figure) and the user directory (staff roles);
 * - staff events begun in the semester, every one on the device (the figures keep those of the report's scope);
 * - indirect work of the semester's months (the figures keep the report's schools').
 */
export function reportInput$(
  db: AtbalstsDatabase,
  schoolIds: readonly string[],
  semester: SchoolSemester,
): Observable<ReportInput> {
  if (schoolIds.length === 0) return of(EMPTY);
  const { firstDay, lastDay, firstMonth, lastMonth } = semesterRange(semester);
  const inSchools = { $in: [...schoolIds] };
  const plans$ = db.plans
    .find({ selector: { schoolId: inSchools, schoolYear: semester.schoolYear, semester: semester.semester } })
    .$.pipe(map(plain<SupportPlan>()));
  const byPlan$ = plans$.pipe(
    switchMap((plans) => {
      const planIds = { $in: plans.map((p) => p.id) };
      if (plans.length === 0) return of({ plans, consultations: [], compensations: [] });
      return combineLatest({
        plans: of(plans),
        consultations: db.consultations.find({ selector: { planId: planIds } }).$.pipe(map(plain<Consultation>())),
        compensations: db.compensations.find({ selector: { planId: planIds } }).$.pipe(map(plain<Compensation>())),
      });
    }),
  );
  return combineLatest({
    byPlan: byPlan$,
    consultations: db.consultations
      .find({ selector: { schoolId: inSchools, date: { $gte: firstDay, $lte: lastDay } } })
      .$.pipe(map(plain<Consultation>())),
    compensations: db.compensations
      .find({ selector: { schoolId: inSchools, month: { $gte: firstMonth, $lte: lastMonth } } })
      .$.pipe(map(plain<Compensation>())),
    learners: db.learners.find({ selector: { schoolId: inSchools } }).$.pipe(map(plain<Learner>())),
    users: db.users.find().$.pipe(map(plain<User>())),
    staffEvents: db.staffevents
      .find({ selector: { date: { $gte: firstDay, $lte: lastDay } } })
      .$.pipe(map((docs) => plain<StaffEvent>()(docs).filter(isStaffEvent))),
    indirectWork: db.staffevents
      .find({ selector: { kind: 'indirect', month: { $gte: firstMonth, $lte: lastMonth } } })
      .$.pipe(map((docs) => plain<IndirectWork>()(docs).filter(isIndirectWork))),
  }).pipe(
    map(({ byPlan, consultations, compensations, learners, users, staffEvents, indirectWork }) => ({
      learners,
      plans: byPlan.plans,
      consultations: union(consultations, byPlan.consultations),
      compensations: union(compensations, byPlan.compensations),
      users,
      staffEvents,
      indirectWork,
    })),
  );
}

/** The report's rows for these schools and semester, live (see reportInput$). */
export function useReportInput(schoolIds: readonly string[], semester: SchoolSemester) {
  const key = [...schoolIds].sort().join(',');
  return useLiveQuery((db) => reportInput$(db, schoolIds, semester), EMPTY, [
    key,
    semester.schoolYear,
    semester.semester,
  ]);
}

/**
 * Every row a report's trend and its "since the programme began" figures read, live: the schools' plans, consultations
 * and compensations up to the end of `upTo` (domain/reports/trendFigures.ts), and, for the delivered share of those
 * plans, the sessions and compensations linked to them but dated later. No learners: the names behind a figure come
 * from the semester's own rows (reportInput$). Read apart from reportInput$, so the semester's tables do not wait for
 * the history, which is larger.
 */
export function reportHistory$(
  db: AtbalstsDatabase,
  schoolIds: readonly string[],
  upTo: SchoolSemester,
): Observable<ReportInput> {
  if (schoolIds.length === 0) return of(EMPTY);
  const { lastDay, lastMonth } = semesterRange(upTo);
  const inSchools = { $in: [...schoolIds] };
  const plans$ = db.plans.find({ selector: { schoolId: inSchools, schoolYear: { $lte: upTo.schoolYear } } }).$.pipe(
    map(plain<SupportPlan>()),
    // The index orders by school year; the later semester of the last year is not yet "up to".
    map((plans) => plans.filter((p) => p.schoolYear < upTo.schoolYear || p.semester <= upTo.semester)),
  );
  const later$ = plans$.pipe(
    switchMap((plans) => {
      if (plans.length === 0) return of({ consultations: [], compensations: [] });
      const planId = { $in: plans.map((p) => p.id) };
      return combineLatest({
        consultations: db.consultations
          .find({ selector: { planId, date: { $gt: lastDay } } })
          .$.pipe(map(plain<Consultation>())),
        compensations: db.compensations
          .find({ selector: { planId, month: { $gt: lastMonth } } })
          .$.pipe(map(plain<Compensation>())),
      });
    }),
  );
  return combineLatest({
    plans: plans$,
    later: later$,
    consultations: db.consultations
      .find({ selector: { schoolId: inSchools, date: { $lte: lastDay } } })
      .$.pipe(map(plain<Consultation>())),
    compensations: db.compensations
      .find({ selector: { schoolId: inSchools, month: { $lte: lastMonth } } })
      .$.pipe(map(plain<Compensation>())),
    users: db.users.find().$.pipe(map(plain<User>())),
  }).pipe(
    map(({ plans, later, consultations, compensations, users }) => ({
      learners: [],
      plans,
      consultations: union(consultations, later.consultations),
      compensations: union(compensations, later.compensations),
      users,
    })),
  );
}

/** The history behind a report's trend for these schools, up to and including `upTo`, live (see reportHistory$). */
export function useReportHistory(schoolIds: readonly string[], upTo: SchoolSemester) {
  const key = [...schoolIds].sort().join(',');
  return useLiveQuery((db) => reportHistory$(db, schoolIds, upTo), EMPTY, [key, upTo.schoolYear, upTo.semester]);
}
