import type { SchoolSemester } from '../rules/calendar';
import { semesterOf } from '../rules/calendar';
import { countFigure, type CountFigure } from './figure';
import { isPlanMade } from './planFigures';
import { present, type ReportInput } from './scope';
import { semesterFigures, type FigureOptions, type SemesterFigures } from './semesterFigures';
import { isGranted } from './supportFigures';

/** The same figures for several semesters, side by side, oldest first (a report's trend). */
export function trendFigures(
  input: ReportInput,
  semesters: readonly SchoolSemester[],
  options: FigureOptions = {},
): SemesterFigures[] {
  return [...semesters].sort((a, b) => keyOf(a).localeCompare(keyOf(b))).map((s) => semesterFigures(input, s, options));
}

/** "2020/2021-1": sorts as the semesters follow each other. */
const keyOf = (s: SchoolSemester) => `${s.schoolYear}-${s.semester}`;

export interface SinceStartFigures {
  /** Learners in the programme in at least one semester up to and including `upTo` (002: "vismaz 1 reizi … 1126"). */
  learners: CountFigure;
  /** The same learners by the number of semesters they were in it: 1 → …, 2 → …, and so on. */
  bySemesterCount: Record<number, CountFigure>;
  /** By the semester each learner was first in it ("322 skolēniem – no 2019. gada"), keyed "2019/2020-1". */
  byFirstSemester: Record<string, CountFigure>;
}

/**
 * Learners since the programme began: a learner is in the programme in a semester when they have a plan made for it
 * or received support in it (attended a consultation, were granted a compensation), as in semesterFigures.
 */
export function learnersSinceStart(
  input: ReportInput,
  upTo: SchoolSemester,
  schoolIds?: ReadonlySet<string>,
): SinceStartFigures {
  const refused = input.refusedIds ?? new Set<string>();
  const inSchools = (r: { schoolId: string }) => schoolIds === undefined || schoolIds.has(r.schoolId);
  const last = keyOf(upTo);
  const semestersOf = new Map<string, Set<string>>();
  const note = (learnerId: string, semester: SchoolSemester) => {
    const key = keyOf(semester);
    if (key > last) return;
    const set = semestersOf.get(learnerId);
    if (set) set.add(key);
    else semestersOf.set(learnerId, new Set([key]));
  };
  for (const p of present(input.plans, refused)) if (inSchools(p) && isPlanMade(p)) note(p.learnerId, p);
  for (const c of present(input.consultations, refused))
    if (inSchools(c))
      for (const a of c.attendees) if (a.attendance === 'attended') note(a.learnerId, semesterOf(c.date));
  for (const c of present(input.compensations, refused))
    if (inSchools(c) && isGranted(c)) note(c.learnerId, semesterOf(c.month));
  const byCount = new Map<number, string[]>();
  const byFirst = new Map<string, string[]>();
  const add = <K>(map: Map<K, string[]>, key: K, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const [learnerId, keys] of semestersOf) {
    add(byCount, keys.size, learnerId);
    add(byFirst, [...keys].sort()[0] ?? last, learnerId);
  }
  return {
    learners: countFigure('learners', semestersOf.keys()),
    bySemesterCount: Object.fromEntries(
      [...byCount].sort(([a], [b]) => a - b).map(([n, ids]) => [n, countFigure('learners', ids)]),
    ),
    byFirstSemester: Object.fromEntries(
      [...byFirst].sort(([a], [b]) => a.localeCompare(b)).map(([k, ids]) => [k, countFigure('learners', ids)]),
    ),
  };
}
