import { describe, expect, it } from 'vitest';
import { canRead, type Actor } from '../access/permissions';
import type { UserRole } from '../organisation';
import { indirectWorkProblem } from './indirectWork';

const people = new Map([
  ['liga', { id: 'liga', schoolIds: ['school-1'], active: true }],
  ['juris', { id: 'juris', schoolIds: ['school-2'], active: true }],
  ['closed', { id: 'closed', schoolIds: ['school-1'], active: false }],
]);
const schools = new Map([
  ['school-1', 'muni-1'],
  ['school-2', 'muni-1'],
]);
const at = (staffId: string, schoolId = 'school-1', municipalityId = 'muni-1') => ({
  staffId,
  schoolId,
  municipalityId,
});

describe('who indirect work may be about', () => {
  it.each([
    ['a staff member of the school', null, at('liga'), null],
    ['a staff member of another school', null, at('juris'), 'indirectWork.staffUnknown'],
    ['no one in the directory', null, at('ghost'), 'indirectWork.staffUnknown'],
    ['a closed account, newly', null, at('closed'), 'indirectWork.staffUnknown'],
    ['a closed account, a month kept from before', at('closed'), { ...at('closed') }, null],
    ['a closed account, moved to them from someone else', at('liga'), at('closed'), 'indirectWork.staffUnknown'],
    ['the school in another municipality', null, at('liga', 'school-1', 'muni-2'), 'indirectWork.municipalityMismatch'],
    ['a school the server does not know', null, at('liga', 'school-9'), 'indirectWork.municipalityMismatch'],
  ] as const)('%s', (_case, previous, next, problem) => {
    expect(indirectWorkProblem(previous, next, people, schools)).toBe(problem);
  });
});

describe('who reads a month of indirect work (liga’s, at school-1)', () => {
  const month = { kind: 'indirect', staffId: 'liga', schoolId: 'school-1', municipalityId: 'muni-1' };
  const reader = (userId: string, roles: UserRole[], schoolIds: string[]): Actor => ({
    userId,
    roles,
    schoolIds,
    municipalityIds: ['muni-1'],
  });
  it.each([
    ['liga herself', reader('liga', ['accountant'], ['school-1']), true],
    ['liga, no longer at the school', reader('liga', ['accountant'], ['school-2']), false],
    ['a teacher of the school', reader('anna', ['teacher'], ['school-1']), false],
    ['another accountant of the school', reader('inga', ['accountant'], ['school-1']), false],
    ['the director', reader('dace', ['director'], ['school-1']), true],
    ['the school coordinator', reader('rita', ['school_coordinator'], ['school-1']), true],
    ['another school’s director', reader('peteris', ['director'], ['school-2']), false],
    ['the municipal coordinator', reader('maris', ['municipal_coordinator'], ['school-1', 'school-2']), true],
    ['the national coordinator (no school)', reader('valsts', ['national_coordinator'], []), false],
  ])('%s: %s', (_case, actor, readable) => {
    expect(canRead(actor, 'staffevents', month)).toBe(readable);
  });
});
