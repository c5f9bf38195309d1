import { describe, expect, it } from 'vitest';
import type { UserRole } from '../organisation';
import { reachOf } from './reach';

// Two municipalities; Ezerkalne has two schools, Lejasciems one; one school has no municipality on record.
const directory = {
  municipalities: [{ id: 'ezerkalne' }, { id: 'lejasciems' }],
  schools: [
    { id: 'vidusskola', municipalityId: 'ezerkalne' },
    { id: 'tehnikums', municipalityId: 'ezerkalne' },
    { id: 'pamatskola', municipalityId: 'lejasciems' },
    { id: 'bez-novada', municipalityId: null },
  ],
};

// [who, roles, own schools, own municipality, schools reached, municipalities reached] — written from the rule in
// words (README "Roles and reach"), not computed.
const cases: [string, UserRole[], string[], string | undefined, string[], string[]][] = [
  ['a teacher of one school', ['teacher'], ['vidusskola'], undefined, ['vidusskola'], ['ezerkalne']],
  [
    'a teacher of schools in two municipalities',
    ['teacher', 'plan_preparer'],
    ['vidusskola', 'pamatskola'],
    undefined,
    ['vidusskola', 'pamatskola'],
    ['ezerkalne', 'lejasciems'],
  ],
  [
    'a teacher with a municipality of record (not a coordinator of it)',
    ['teacher'],
    ['vidusskola'],
    'lejasciems',
    ['vidusskola'],
    ['lejasciems', 'ezerkalne'],
  ],
  [
    'a school coordinator in the municipality reaches only their school',
    ['school_coordinator', 'director'],
    ['tehnikums'],
    'ezerkalne',
    ['tehnikums'],
    ['ezerkalne'],
  ],
  [
    'a municipal coordinator reaches every school of the municipality',
    ['municipal_coordinator'],
    [],
    'ezerkalne',
    ['vidusskola', 'tehnikums'],
    ['ezerkalne'],
  ],
  [
    'a municipal coordinator who also works at a school elsewhere',
    ['municipal_coordinator', 'teacher'],
    ['pamatskola'],
    'ezerkalne',
    ['vidusskola', 'tehnikums', 'pamatskola'],
    ['ezerkalne', 'lejasciems'],
  ],
  ['a municipal coordinator without a municipality', ['municipal_coordinator'], [], undefined, [], []],
  [
    'an administrator reaches everything, schools of their own or not',
    ['administrator'],
    [],
    undefined,
    ['vidusskola', 'tehnikums', 'pamatskola', 'bez-novada'],
    ['ezerkalne', 'lejasciems'],
  ],
  [
    'a national coordinator reaches every municipality and no school (no learner-level data on their device)',
    ['national_coordinator'],
    [],
    undefined,
    [],
    ['ezerkalne', 'lejasciems'],
  ],
  [
    'a national coordinator who is also listed at a school still reaches no school',
    ['national_coordinator', 'teacher'],
    ['vidusskola'],
    'ezerkalne',
    [],
    ['ezerkalne', 'lejasciems'],
  ],
  ['a school that is not in the directory (removed) is not reached', ['teacher'], ['slegta-skola'], undefined, [], []],
  ['a school without a municipality adds none', ['psychologist'], ['bez-novada'], undefined, ['bez-novada'], []],
];

describe('reachOf', () => {
  it.each(cases)('%s', (_who, roles, schoolIds, municipalityId, schools, municipalities) => {
    const actor = reachOf({ id: 'u-1', roles, schoolIds, municipalityId }, directory);
    expect(actor).toEqual({ userId: 'u-1', roles, schoolIds: schools, municipalityIds: municipalities });
  });

  it('reaches nothing in an empty directory, an administrator included', () => {
    const empty = { schools: [], municipalities: [] };
    expect(reachOf({ id: 'a', roles: ['administrator'], schoolIds: ['vidusskola'] }, empty)).toEqual({
      userId: 'a',
      roles: ['administrator'],
      schoolIds: [],
      municipalityIds: [],
    });
  });
});
