import { describe, expect, it } from 'vitest';
import type { Learner } from '../learner';
import { learnerRecordProblem } from './learnerExit';

type Shape = Pick<Learner, 'consent' | 'exit' | 'archived' | 'birthDate' | 'transfers'>;
const TODAY = '2026-12-02';
const base: Shape = { archived: false, birthDate: '2011-05-10' };
const left = (on: string, reason: NonNullable<Learner['exit']>['reason'] = 'left_school'): Shape => ({
  ...base,
  archived: true,
  exit: { reason, on },
});
const moved = [{ fromSchoolId: 's1', toSchoolId: 's2', on: '2026-09-01', byId: 'admin' }];

describe('learnerRecordProblem', () => {
  it.each<[string, Shape | null, Shape, string | null]>([
    ['a plain edit', base, base, null],
    ['an exit today', base, left('2026-12-02'), null],
    ['an exit in the past, graduated', base, left('2026-06-15', 'graduated'), null],
    ['an exit tomorrow', base, left('2026-12-03'), 'exitInFuture'],
    ['an exit before the birth date', base, left('2010-01-01'), 'exitBeforeBirth'],
    ['an exit without archiving', base, { ...left('2026-11-01'), archived: false }, 'exitArchivedMismatch'],
    ['archived with no exit', base, { ...base, archived: true }, 'exitArchivedMismatch'],
    ['the exit undone', left('2026-11-01'), base, null],
    ['a future exit stored before, edited elsewhere', left('2027-01-01'), left('2027-01-01'), null],
    ['the trail of schools kept', { ...base, transfers: moved }, { ...base, transfers: moved }, null],
    ['the trail of schools dropped', { ...base, transfers: moved }, base, 'transfersRewritten'],
    ['a trail made up on the device', base, { ...base, transfers: moved }, 'transfersRewritten'],
    [
      'a consent signed tomorrow',
      base,
      { ...base, consent: { signedOn: '2026-12-03', signedBy: 'Anna', signerRole: 'parent' } },
      'consentInFuture',
    ],
    [
      'a 15-year-old signing their own',
      base,
      { ...base, consent: { signedOn: '2026-10-01', signedBy: 'Self', signerRole: 'learner' } },
      'minorSignedOwn',
    ],
    [
      'a parent signing last month',
      base,
      { ...base, consent: { signedOn: '2026-11-01', signedBy: 'Anna', signerRole: 'parent' } },
      null,
    ],
  ])('%s', (_name, previous, next, expected) => {
    expect(learnerRecordProblem(previous, next, TODAY)).toBe(expected);
  });

  it('judges a new learner as an edit from nothing', () => {
    expect(learnerRecordProblem(null, left('2026-12-01'), TODAY)).toBeNull();
    expect(learnerRecordProblem(null, { ...base, transfers: moved }, TODAY)).toBe('transfersRewritten');
  });
});
