import { describe, expect, it } from 'vitest';
import { pumpurs2017, type Compensation } from '../../domain';
import { toCompensationEntry, type CompensationFormValues } from './compensationForm';

const AT = '2026-11-01T08:00:00.000Z';
const recorded = (category: string, month: string, amountCents: number): Compensation => ({
  id: `${category}-${month}`,
  createdAt: AT,
  updatedAt: AT,
  schoolId: 's1',
  learnerId: 'l1',
  planId: '',
  category,
  month,
  amountCents,
  status: 'requested',
  note: '',
});
const context = {
  learner: { id: 'l1', programme: 'general' as const },
  // Meals: 50 € this month already (cap 70 € a month); personal items: 20 € in September (cap 25 € a semester).
  recorded: [recorded('meals', '2026-11', 5000), recorded('personal_items', '2026-09', 2000)],
  profile: pumpurs2017,
  euros: (cents: number) => `${cents / 100} €`,
};
const typed: CompensationFormValues = { category: 'meals', month: '2026-11', amount: '20', note: ' rēķins ' };
const AMOUNT = { amount: { key: 'compensations:errors.amount' } };
const MONTH = { month: { key: 'compensations:errors.month' } };

describe('the compensation form’s check (the schema’s month and amount, the programme’s caps)', () => {
  it('makes the request, the note trimmed', () => {
    expect(toCompensationEntry(typed, context)).toEqual({
      ok: true,
      value: { category: 'meals', month: '2026-11', amountCents: 2000, note: 'rēķins' },
    });
  });

  it.each([
    [
      '20,01 € of meals over the 20 € left',
      { amount: '20,01' },
      {
        amount: { key: 'compensations:errors.overCap_month', values: { cap: '70 €', already: '50 €', left: '20 €' } },
      },
    ],
    ['meals in another month', { month: '2026-12', amount: '70' }, null],
    [
      '6 € of personal items, 5 € left this semester',
      { category: 'personal_items', amount: '6' },
      {
        amount: { key: 'compensations:errors.overCap_semester', values: { cap: '25 €', already: '20 €', left: '5 €' } },
      },
    ],
    ['personal items in the next semester', { category: 'personal_items', month: '2027-02', amount: '25' }, null],
    [
      'learning materials for a general learner',
      { category: 'learning_materials' },
      {
        category: { key: 'compensations:errors.vocationalOnly' },
      },
    ],
    ['0 €', { amount: '0' }, AMOUNT],
    ['no amount', { amount: '' }, AMOUNT],
    ['an amount in words', { amount: 'daudz' }, AMOUNT],
    ['a thirteenth month', { month: '2026-13' }, MONTH],
    ['no month', { month: '' }, MONTH],
    ['a date, not a month', { month: '2026-11-01' }, MONTH],
    [
      'a note of 2001 characters',
      { note: 'a'.repeat(2001) },
      {
        note: { key: 'common:validation.tooLong', values: { max: 2000 } },
      },
    ],
  ] as const)('%s', (_, change, errors) => {
    const checked = toCompensationEntry({ ...typed, ...change }, context);
    expect(checked.ok ? null : checked.errors).toEqual(errors);
  });
});
