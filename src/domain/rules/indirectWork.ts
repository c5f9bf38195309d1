import type { IndirectWork } from '../indirectWork';
import type { User } from '../organisation';

export type IndirectWorkProblem = 'indirectWork.staffUnknown' | 'indirectWork.municipalityMismatch';

type Person = Pick<User, 'id' | 'schoolIds' | 'active'>;
type Place = Pick<IndirectWork, 'staffId' | 'schoolId' | 'municipalityId'>;

/**
 * The first reason a month's indirect work cannot stand, or null: it is about a staff member of its school (an
 * active directory account listed there), and sits in that school's municipality (which its readers' reach and the
 * municipality's report go by). A record kept about the same person at the same school is not judged against the
 * directory again: a colleague who left or moved since keeps the months they worked, and they stay editable.
 */
export function indirectWorkProblem(
  previous: Place | null,
  next: Place,
  people: ReadonlyMap<string, Person>,
  schoolMunicipality: ReadonlyMap<string, string>,
): IndirectWorkProblem | null {
  if (schoolMunicipality.get(next.schoolId) !== next.municipalityId) return 'indirectWork.municipalityMismatch';
  const kept = previous !== null && previous.staffId === next.staffId && previous.schoolId === next.schoolId;
  if (kept) return null;
  const person = people.get(next.staffId);
  if (!person || !person.active || !person.schoolIds.includes(next.schoolId)) return 'indirectWork.staffUnknown';
  return null;
}
