import { describe, expect, it } from 'vitest';
import { consentProblem, isAdult } from './consent';

const TODAY = '2026-11-25';

describe('who may sign the application', () => {
  it.each([
    ['2008-11-25', true],
    ['2008-11-26', false],
    ['2008-02-29', true],
    [undefined, false],
  ])('a learner born %s is adult on 2026-11-25: %s', (birthDate, adult) => {
    expect(isAdult(birthDate, TODAY)).toBe(adult);
  });

  it.each<[string, string, 'parent' | 'guardian' | 'learner', string | undefined, ReturnType<typeof consentProblem>]>([
    ['a parent for a child', '2026-09-03', 'parent', '2013-05-01', null],
    ['an adult learner for themselves', '2026-09-03', 'learner', '2007-05-01', null],
    ['a learner who turned 18 before signing', '2026-09-03', 'learner', '2008-09-03', null],
    ['a learner signing the day before turning 18', '2026-09-02', 'learner', '2008-09-03', 'minorSignedOwn'],
    ['a 13-year-old for themselves', '2026-09-03', 'learner', '2013-05-01', 'minorSignedOwn'],
    ['a learner with no birth date on record', '2026-09-03', 'learner', undefined, null],
    ['a guardian for an adult', '2026-09-03', 'guardian', '2007-05-01', null],
    ['a date after today', '2026-11-26', 'parent', '2013-05-01', 'signedInFuture'],
  ])('%s', (_case, signedOn, signerRole, birthDate, problem) => {
    expect(consentProblem({ signedOn, signerRole }, birthDate, TODAY)).toBe(problem);
  });
});
