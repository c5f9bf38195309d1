import { describe, expect, it } from 'vitest';
import { validateTransferForm, type TransferFormValues } from './learnerTransferForm';

const context = {
  destinationIds: ['school-2', 'school-3'],
  learnerId: 'anna',
  classmateIds: ['anna', 'berta', 'cilda'],
  today: '2026-12-02',
};
const valid: TransferFormValues = { toSchoolId: 'school-2', on: '2026-12-02', who: 'learner' };

describe('the transfer form', () => {
  it.each<[string, Partial<TransferFormValues>, Record<string, string>]>([
    ['no school chosen', { toSchoolId: '' }, { toSchoolId: 'learners:transfer.errors.school' }],
    ['a school out of reach', { toSchoolId: 'school-9' }, { toSchoolId: 'learners:transfer.errors.school' }],
    ['no date', { on: '' }, { on: 'common:validation.date' }],
    ['not a date', { on: '2026-02-30' }, { on: 'common:validation.date' }],
    ['tomorrow', { on: '2026-12-03' }, { on: 'learners:transfer.errors.transferInFuture' }],
    [
      'both at once',
      { toSchoolId: '', on: '2027-01-01' },
      { toSchoolId: 'learners:transfer.errors.school', on: 'learners:transfer.errors.transferInFuture' },
    ],
  ])('names %s next to its field', (_case, change, expected) => {
    const result = validateTransferForm({ ...valid, ...change }, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.fromEntries(Object.entries(result.errors).map(([f, e]) => [f, e?.key]))).toEqual(expected);
  });

  it.each<[string, Partial<TransferFormValues>, string[]]>([
    ['this learner', { who: 'learner' }, ['anna']],
    ['the whole class', { who: 'class' }, ['anna', 'berta', 'cilda']],
    ['on a past day', { on: '2026-09-01' }, ['anna']],
  ])('sends %s', (_case, change, learnerIds) => {
    const values = { ...valid, ...change };
    expect(validateTransferForm(values, context)).toEqual({
      ok: true,
      value: { learnerIds, toSchoolId: 'school-2', on: values.on },
    });
  });

  it('refuses a whole class it cannot list (the class list not yet on the device)', () => {
    const result = validateTransferForm({ ...valid, who: 'class' }, { ...context, classmateIds: [] });
    expect(result.ok ? null : result.errors.who?.key).toBe('common:validation.required');
  });
});
