import { describe, expect, it } from 'vitest';
import { pumpurs2017 } from '../profile/pumpurs2017';
import type { YouthApplication, YouthCompetition } from '../youthProject';
import {
  averageScore,
  competitionChangeProblem,
  competitionSummary,
  durationProblem,
  grantProblem,
  nationalYouthCounts,
  rankApplications,
  sheetChangeProblem,
  sheetProblem,
  statusStepProblem,
} from './youthProjects';

const competition: YouthCompetition = {
  title: 'Jaunatnes iniciatīvu projekti 2020',
  profileId: 'pumpurs_2017',
  opens: '2020-03-01',
  deadline: '2020-04-14',
  budgetCents: 3_680_000,
  criteria: [
    { id: 'fit', title: 'Atbilstība mērķim', maxScore: 10 },
    { id: 'plan', title: 'Aktivitāšu plāns', maxScore: 5 },
  ],
  requiredDocuments: [{ id: 'form', title: 'Veidlapa' }],
  commission: ['anna', 'berzs', 'cirulis'],
};

const application = (over: Partial<YouthApplication> = {}): YouthApplication => ({
  competitionId: 'c',
  title: 'Projekts',
  organisation: 'Biedrība',
  withInitiativeGroup: false,
  contact: '',
  partners: [],
  activities: '',
  atRiskParticipants: 10,
  startMonth: '2020-06',
  months: 6,
  documentsReceived: [],
  scores: [],
  status: 'applied',
  decisionReason: '',
  progress: [],
  ...over,
});
const sheet = (id: string, fit: number, plan?: number) => ({
  id,
  scores: [{ criterionId: 'fit', score: fit }, ...(plan === undefined ? [] : [{ criterionId: 'plan', score: plan }])],
});

describe('duration: 3 to 18 months under PuMPuRS, both ends included', () => {
  it.each([
    [2, false],
    [3, true],
    [12, true],
    [18, true],
    [19, false],
  ])('%i months → allowed %s', (months, ok) => {
    expect(durationProblem(months, pumpurs2017) === null).toBe(ok);
  });
});

describe('grant: exactly 4600 € once approved, none before', () => {
  it.each([
    ['approved', 460_000, null],
    ['approved', 459_999, 'youthProject.grantNotProgrammeAmount'],
    ['approved', 460_001, 'youthProject.grantNotProgrammeAmount'],
    ['approved', 500_000, 'youthProject.grantNotProgrammeAmount'],
    ['approved', undefined, 'youthProject.grantNotProgrammeAmount'],
    ['running', 460_000, null],
    ['finished', 230_000, 'youthProject.grantNotProgrammeAmount'],
    ['applied', undefined, null],
    ['applied', 460_000, 'youthProject.grantWithoutApproval'],
    ['rejected', undefined, null],
  ] as const)('%s with %s cents → %s', (status, grantCents, expected) => {
    expect(grantProblem({ status, grantCents }, pumpurs2017)).toBe(expected);
  });

  it('takes the amount from the profile, not from code', () => {
    const successor = { ...pumpurs2017, youthProject: { ...pumpurs2017.youthProject, grantCents: 500_000 } };
    expect(grantProblem({ status: 'approved', grantCents: 500_000 }, successor)).toBeNull();
    expect(grantProblem({ status: 'approved', grantCents: 460_000 }, successor)).toBe(
      'youthProject.grantNotProgrammeAmount',
    );
  });
});

describe('status steps', () => {
  it.each([
    [null, 'applied', true],
    [null, 'approved', false],
    ['applied', 'approved', true],
    ['applied', 'running', false],
    ['approved', 'running', true],
    ['rejected', 'running', false],
    ['running', 'finished', true],
    ['running', 'applied', false],
    ['finished', 'running', false],
  ] as const)('%s → %s allowed %s', (from, to, ok) => {
    expect(statusStepProblem(from, to) === null).toBe(ok);
  });
});

describe('score sheets', () => {
  it.each([
    [sheet('anna', 10, 5), null],
    [sheet('anna', 0, 0), null],
    [sheet('anna', 11, 5), 'youthProject.scoreOverMax'],
    [sheet('anna', 10, 6), 'youthProject.scoreOverMax'],
    [{ id: 'anna', scores: [{ criterionId: 'nope', score: 1 }] }, 'youthProject.unknownCriterion'],
  ])('%j → %s', (s, expected) => {
    expect(sheetProblem(s, competition)).toBe(expected);
  });

  it.each([
    ['anna', [], [sheet('anna', 5, 5)], 'applied', null],
    ['anna', [sheet('berzs', 5, 5)], [sheet('berzs', 9, 5)], 'applied', 'youthProject.sheetNotOwn'],
    ['anna', [sheet('berzs', 5, 5)], [], 'applied', 'youthProject.sheetNotOwn'],
    ['zelma', [], [sheet('zelma', 5, 5)], 'applied', 'youthProject.notCommissionMember'],
    ['anna', [], [sheet('anna', 5, 5)], 'approved', 'youthProject.scoringClosed'],
    ['zelma', [sheet('anna', 5, 5)], [sheet('anna', 5, 5)], 'approved', null],
  ] as const)('%s: %j → %j (%s) → %s', (actor, before, after, status, expected) => {
    const previous = application({ scores: [...before], status });
    const next = application({ scores: [...after], status });
    expect(sheetChangeProblem(actor, competition.commission, previous, next)).toBe(expected);
  });
});

describe('average and ranking', () => {
  // Totals counted by hand (fit + plan): A: anna 8+4=12, berzs 10+5=15, cirulis 6+3=9 → 36/3 = 12.
  // B: anna 9+5=14, berzs 7+3=10 (cirulis unfinished: fit only) → 24/2 = 12. C: anna 10+5=15 → 15.
  // D: nobody finished. E: anna 5+5 = 10, and a former member's sheet (not counted) → 10.
  const records = [
    {
      id: 'A',
      application: application({
        organisation: 'Alfa',
        scores: [sheet('anna', 8, 4), sheet('berzs', 10, 5), sheet('cirulis', 6, 3)],
      }),
    },
    {
      id: 'B',
      application: application({
        organisation: 'Beta',
        scores: [sheet('anna', 9, 5), sheet('berzs', 7, 3), sheet('cirulis', 9)],
      }),
    },
    { id: 'C', application: application({ organisation: 'Cēsis', scores: [sheet('anna', 10, 5)] }) },
    { id: 'D', application: application({ organisation: 'Dzērve', scores: [sheet('anna', 10)] }) },
    {
      id: 'E',
      application: application({ organisation: 'Ezers', scores: [sheet('anna', 5, 5), sheet('zelma', 0, 0)] }),
    },
  ];

  it.each([
    ['A', 12],
    ['B', 12],
    ['C', 15],
    ['D', null],
    ['E', 10],
  ])('%s averages %s', (id, expected) => {
    const record = records.find((r) => r.id === id)!;
    expect(averageScore(record.application, competition)).toBe(expected);
  });

  it('ranks best first, ties share a rank (by name within it), unscored last without a rank', () => {
    const ranked = rankApplications(records, competition);
    expect(ranked.map((r) => [r.record.id, r.rank, r.sheets])).toEqual([
      ['C', 1, 1],
      ['A', 2, 3],
      ['B', 2, 2],
      ['E', 4, 1],
      ['D', null, 0],
    ]);
  });

  it('rounds the average to two decimals: (12 + 13 + 13) / 3 = 12.67', () => {
    const a = application({ scores: [sheet('anna', 8, 4), sheet('berzs', 8, 5), sheet('cirulis', 9, 4)] });
    expect(averageScore(a, competition)).toBe(12.67);
  });
});

describe('summaries', () => {
  it('"14 applied, 8 approved" (002): approved counts running and finished projects too', () => {
    const statuses = [
      ...Array(5).fill('approved'),
      ...Array(2).fill('running'),
      'finished',
      ...Array(4).fill('rejected'),
      ...Array(2).fill('applied'),
    ] as YouthApplication['status'][];
    const applications = statuses.map((status) =>
      application({ status, ...(['approved', 'running', 'finished'].includes(status) ? { grantCents: 460_000 } : {}) }),
    );
    expect(competitionSummary(applications)).toEqual({
      applied: 14,
      approved: 8,
      rejected: 4,
      undecided: 2,
      running: 2,
      finished: 1,
      grantedCents: 3_680_000,
      atRiskPlanned: 80,
    });
  });

  it('national counts: approved projects and the municipalities that have one', () => {
    const base = { id: 'x', createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' };
    const app = (municipalityId: string, status: YouthApplication['status']) => ({
      ...base,
      kind: 'application' as const,
      municipalityId,
      commissionIds: [],
      application: application({ status }),
    });
    const records = [
      app('liepaja', 'approved'),
      app('liepaja', 'finished'),
      app('cesis', 'running'),
      app('cesis', 'rejected'),
      app('valka', 'applied'),
      { ...base, kind: 'competition' as const, municipalityId: 'ogre', competition },
    ];
    expect(nationalYouthCounts(records)).toEqual({ projects: 3, municipalities: 2 });
  });
});

describe('an announced competition, once it has applications', () => {
  const fit = competition.criteria[0]!;
  it.each([
    { change: 'the title', next: { ...competition, title: 'Rudens kārta' }, expected: null },
    { change: 'the deadline, extended', next: { ...competition, deadline: '2020-04-30' }, expected: null },
    { change: 'the budget', next: { ...competition, budgetCents: 4_600_000 }, expected: null },
    { change: 'the documents asked for', next: { ...competition, requiredDocuments: [] }, expected: null },
    {
      change: 'a maximum score',
      next: { ...competition, criteria: [{ ...fit, maxScore: 20 }, competition.criteria[1]!] },
      expected: 'youthProject.termsFixed',
    },
    {
      change: 'a criterion added',
      next: { ...competition, criteria: [...competition.criteria, { id: 'new', title: 'Ilgtspēja', maxScore: 5 }] },
      expected: 'youthProject.termsFixed',
    },
    { change: 'a criterion removed', next: { ...competition, criteria: [fit] }, expected: 'youthProject.termsFixed' },
    {
      change: 'the profile (so the grant)',
      next: { ...competition, profileId: 'skola_kopiena' },
      expected: 'youthProject.termsFixed',
    },
  ])('changing $change → $expected', ({ next, expected }) => {
    expect(competitionChangeProblem(competition, next, true)).toBe(expected);
  });

  it('before any application, or when first announced, may change anything', () => {
    const other = { ...competition, criteria: [fit], profileId: 'skola_kopiena' };
    expect(competitionChangeProblem(competition, other, false)).toBeNull();
    expect(competitionChangeProblem(null, other, true)).toBeNull();
  });
});
