import { describe, expect, it } from 'vitest';
import { pumpurs2017, type YouthCompetition } from '../../domain';
import { parseEuros } from './format';
import {
  emptyApplicationValues,
  toApplicationFields,
  toCompetition,
  toDecision,
  toReport,
  toSheet,
} from './youthForms';

const competition: YouthCompetition = {
  title: 'K',
  profileId: 'pumpurs_2017',
  opens: '2020-03-01',
  deadline: '2020-04-14',
  budgetCents: 3_680_000,
  criteria: [
    { id: 'k1', title: 'Atbilstība', maxScore: 10 },
    { id: 'k2', title: 'Plāns', maxScore: 5 },
  ],
  requiredDocuments: [],
  commission: ['anna'],
};

describe('the announce form', () => {
  it('reads criteria lines "title; max" and documents lines', () => {
    const result = toCompetition(
      {
        title: 'Jaunatnes iniciatīvu projekti 2020',
        opens: '2020-03-01',
        deadline: '2020-04-14',
        budget: '36 800',
        criteria: 'Atbilstība konkursa mērķiem; 10\n\n  Aktivitāšu plāns ; 5 ',
        documents: 'Veidlapa\nBudžets\n',
        commission: 'anna\nberzs',
      },
      'pumpurs_2017',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Jaunatnes iniciatīvu projekti 2020',
        profileId: 'pumpurs_2017',
        opens: '2020-03-01',
        deadline: '2020-04-14',
        budgetCents: 3_680_000,
        criteria: [
          { id: 'k1', title: 'Atbilstība konkursa mērķiem', maxScore: 10 },
          { id: 'k2', title: 'Aktivitāšu plāns', maxScore: 5 },
        ],
        requiredDocuments: [
          { id: 'd1', title: 'Veidlapa' },
          { id: 'd2', title: 'Budžets' },
        ],
        commission: ['anna', 'berzs'],
      },
    });
  });

  it.each([
    ['a criterion without a maximum', { criteria: 'Atbilstība' }, 'criteria'],
    ['a maximum of 0', { criteria: 'Atbilstība; 0' }, 'criteria'],
    ['no criteria', { criteria: '' }, 'criteria'],
    ['a deadline before the opening', { deadline: '2020-02-01' }, 'deadline'],
    ['a budget that is not money', { budget: 'daudz' }, 'budget'],
    ['no title', { title: ' ' }, 'title'],
  ])('refuses %s', (_case, change, field) => {
    const base = {
      title: 'K',
      opens: '2020-03-01',
      deadline: '2020-04-14',
      budget: '36800',
      criteria: 'A; 10',
      documents: '',
      commission: '',
    };
    const result = toCompetition({ ...base, ...change }, 'pumpurs_2017');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });
});

describe('the application form holds the duration to 3–18 months', () => {
  const values = {
    ...emptyApplicationValues('2020-06'),
    title: 'P',
    organisation: 'O',
    atRiskParticipants: '12',
  };
  it.each([
    ['2', false],
    ['3', true],
    ['18', true],
    ['19', false],
    ['seši', false],
  ])('%s months → %s', (months, ok) => {
    expect(toApplicationFields({ ...values, months }, pumpurs2017).ok).toBe(ok);
  });
});

describe('the decision form', () => {
  it.each([
    ['4600', 460_000],
    ['4600,00', 460_000],
    ['4 600', 460_000],
  ])('approves with %s → %i cents', (grant, cents) => {
    expect(toDecision({ outcome: 'approved', grant, reason: '' }, pumpurs2017)).toEqual({
      ok: true,
      value: { status: 'approved', decisionReason: '', grantCents: cents },
    });
  });
  it.each(['4599,99', '4600,01', '5000', '2300'])('refuses another amount: %s', (grant) => {
    const result = toDecision({ outcome: 'approved', grant, reason: '' }, pumpurs2017);
    expect(result).toEqual({
      ok: false,
      errors: { grant: { key: 'youthProjects:problem.grantNotProgrammeAmount', values: { amount: '4600' } } },
    });
  });
  it('rejects only with a reason', () => {
    expect(toDecision({ outcome: 'rejected', grant: '', reason: '  ' }, pumpurs2017).ok).toBe(false);
    expect(toDecision({ outcome: 'rejected', grant: '', reason: 'Neatbilst mērķim' }, pumpurs2017)).toEqual({
      ok: true,
      value: { status: 'rejected', decisionReason: 'Neatbilst mērķim', grantCents: undefined },
    });
  });
});

describe('the score sheet and the final report', () => {
  it('keeps an empty criterion unscored and refuses one over its maximum', () => {
    expect(toSheet('anna', { k1: '8', k2: '' }, competition)).toEqual({
      ok: true,
      value: { id: 'anna', scores: [{ criterionId: 'k1', score: 8 }] },
    });
    expect(toSheet('anna', { k1: '8', k2: '6' }, competition).ok).toBe(false);
  });
  it('reads the report; at-risk participants cannot outnumber the participants', () => {
    expect(toReport({ activities: 'Darbnīcas', participants: '30', atRiskParticipants: '14', spent: '4580' })).toEqual({
      ok: true,
      value: { activities: 'Darbnīcas', participants: 30, atRiskParticipants: 14, spentCents: 458_000 },
    });
    expect(toReport({ activities: 'D', participants: '10', atRiskParticipants: '11', spent: '1' }).ok).toBe(false);
  });
  it.each([
    ['4600', 460000],
    ['4600,5', 460050],
    ['1 234,56', 123456],
    ['-5', null],
  ])('euros %s → %s cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });
});
