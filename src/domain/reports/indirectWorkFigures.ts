import type { Consultation } from '../activity';
import type { IndirectWork } from '../indirectWork';
import type { User } from '../organisation';
import { monthsOf, type SchoolSemester } from '../rules/calendar';
import { isHeld } from './consultationFigures';
import { countFigure, type CountFigure } from './figure';

/** How 004 names the staff taking part: "22 darbinieki: 20 pedagogi un 2 grāmatveži". */
export const staffGroups = ['pedagogue', 'accountant', 'coordinator', 'other'] as const;
export type StaffGroup = (typeof staffGroups)[number];

export interface IndirectWorkFigures {
  /** Indirect work of the semester's months, in minutes (004: "68 stundas" is 4080). */
  indirectMinutes: number;
  /** People who held a consultation or recorded indirect work in the semester, each once. */
  staffTakingPart: CountFigure;
  byGroup: Record<StaffGroup, CountFigure>;
}

/**
 * Whoever held a consultation is a pedagogue (they worked with learners directly, whatever else they are); the
 * others are counted by role: an accountant, a coordinator (or director), or another member of staff.
 */
function groupOf(user: User | undefined, direct: boolean): StaffGroup {
  if (direct) return 'pedagogue';
  const roles = user?.roles ?? [];
  if (roles.includes('accountant')) return 'accountant';
  if (roles.some((r) => r === 'school_coordinator' || r === 'municipal_coordinator' || r === 'director'))
    return 'coordinator';
  return 'other';
}

/** The semester's indirect work (records of its months) and everyone taking part, for semesterFigures. */
export function indirectWorkFigures(
  semester: SchoolSemester,
  consultations: readonly Consultation[],
  indirect: readonly IndirectWork[],
  users: readonly User[],
): IndirectWorkFigures {
  const months = new Set(monthsOf(semester));
  const ofSemester = indirect.filter((w) => months.has(w.month));
  const direct = new Set(consultations.filter(isHeld).map((c) => c.staffId));
  const people = new Set([...direct, ...ofSemester.map((w) => w.staffId)]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const groups = Object.fromEntries(staffGroups.map((g) => [g, [] as string[]])) as Record<StaffGroup, string[]>;
  for (const id of people) groups[groupOf(byId.get(id), direct.has(id))].push(id);
  const byGroup = Object.fromEntries(staffGroups.map((g) => [g, countFigure('users', groups[g])])) as Record<
    StaffGroup,
    CountFigure
  >;
  return {
    indirectMinutes: ofSemester.reduce((sum, w) => sum + w.minutes, 0),
    staffTakingPart: countFigure('users', people),
    byGroup,
  };
}
