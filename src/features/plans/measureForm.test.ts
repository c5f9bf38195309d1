import { describe, expect, it } from 'vitest';
import { translationsIn } from '../../../test/fixtures/renderWithI18n';
import { pumpurs2017, type PlanRisk } from '../../domain';
import { measureFormValues, toMeasure, type MeasureFormValues } from './measureForm';

const risks: PlanRisk[] = [{ id: 'r1', code: 'learning.difficulty_mastering', note: '' }];
const context = { id: 'm1', profile: pumpurs2017, programme: 'general' as const, euros: (c: number) => `${c / 100} €` };
const consultation: MeasureFormValues = {
  ...measureFormValues(undefined, pumpurs2017, risks),
  plannedSessions: '12',
  justification: ' Zemi vērtējumi ',
};
const compensation: MeasureFormValues = { ...consultation, kind: 'compensation', category: 'meals', amount: '45,50' };
const SESSIONS = { key: 'plans:errors.sessions', values: { min: 0, max: 500 } };

describe('the measure form’s check (the measure schema’s limits, the plan’s rules)', () => {
  it('starts a new measure at the profile’s first subject, answering the plan’s only risk', () => {
    expect(measureFormValues(undefined, pumpurs2017, risks)).toMatchObject({
      kind: 'subject_consultation',
      subject: pumpurs2017.subjects[0],
      riskIds: ['r1'],
    });
  });

  it('makes a subject consultation with its sessions, the justification trimmed', () => {
    expect(toMeasure(consultation, context)).toEqual({
      ok: true,
      value: {
        id: 'm1',
        kind: 'subject_consultation',
        subject: pumpurs2017.subjects[0],
        plannedSessions: 12,
        riskIds: ['r1'],
        justification: 'Zemi vērtējumi',
      },
    });
  });

  it.each([
    ['500 sessions, the most', consultation, { plannedSessions: '500' }, null],
    ['0 sessions', consultation, { plannedSessions: '0' }, null],
    ['501 sessions', consultation, { plannedSessions: '501' }, { plannedSessions: SESSIONS }],
    ['no sessions typed', consultation, { plannedSessions: '' }, { plannedSessions: SESSIONS }],
    ['sessions in words', consultation, { plannedSessions: 'daudz' }, { plannedSessions: SESSIONS }],
    ['2.5 sessions', consultation, { plannedSessions: '2.5' }, { plannedSessions: SESSIONS }],
    ['no risk', consultation, { riskIds: [] }, { riskIds: { key: 'plans:errors.chooseRisk' } }],
    ['no justification', consultation, { justification: '  ' }, { justification: { key: 'plans:errors.required' } }],
    [
      'a justification of 4001 characters',
      consultation,
      { justification: 'a'.repeat(4001) },
      { justification: { key: 'common:validation.tooLong', values: { max: 4000 } } },
    ],
    ['meals at 70 €, the cap', compensation, { amount: '70' }, null],
    [
      'meals at 70,01 €',
      compensation,
      { amount: '70,01' },
      { amount: { key: 'plans:errors.overCap', values: { amount: '70 €' } } },
    ],
    ['an amount in words', compensation, { amount: 'daudz' }, { amount: { key: 'plans:errors.amount' } }],
    [
      'learning materials for a general learner',
      compensation,
      { category: 'learning_materials' },
      { category: { key: 'plans:errors.vocationalOnly' } },
    ],
  ] as const)('%s', (_, values, change, errors) => {
    const checked = toMeasure({ ...values, ...change }, context);
    expect(checked.ok ? null : checked.errors).toEqual(errors);
  });

  it.each([
    ['lv', 'Ievadiet konsultāciju skaitu (0–500).'],
    ['en', 'Enter a number of consultations (0–500).'],
    ['ru', 'Введите число консультаций (0–500).'],
  ] as const)('names the schema’s range of sessions in %s', (language, text) => {
    expect(translationsIn(language).t(SESSIONS.key, SESSIONS.values)).toBe(text);
  });
});
