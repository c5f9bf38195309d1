import { describe, expect, it } from 'vitest';
import { compensation, consultation, learner, plan } from '../../../test/fixtures/reports/builders';
import type { ReportInput } from './scope';
import { semesterFigures } from './semesterFigures';

const S1 = { schoolYear: '2020/2021', semester: 1 } as const;
const input = (part: Partial<ReportInput>): ReportInput => ({
  learners: [],
  plans: [],
  consultations: [],
  compensations: [],
  users: [],
  ...part,
});

describe('which records a semester report counts', () => {
  it('leaves out records whose last change the server refused (countable)', () => {
    const figures = semesterFigures(
      input({
        plans: [plan('p1', 'l1'), plan('p2', 'l2')],
        consultations: [consultation('c1', { l1: 'attended' }), consultation('c2', { l1: 'attended' })],
        compensations: [compensation('k1', 'l2', 5000), compensation('k2', 'l2', 4000)],
        refusedIds: new Set(['p2', 'c2', 'k2']),
      }),
      S1,
    );
    expect(figures.plans.made.ids).toEqual(['p1']);
    expect(figures.staff.directMinutes).toBe(40);
    expect(figures.compensations.byCategory.meals?.paid).toEqual({ cents: 5000, idsOf: 'compensations', ids: ['k1'] });
  });

  it('leaves out deleted records (server tombstones) and keeps archived learners', () => {
    const figures = semesterFigures(
      input({
        learners: [learner('l1', { archived: true })],
        plans: [plan('p1', 'l1'), { ...plan('p2', 'l2'), _deleted: true }],
        consultations: [{ ...consultation('c1', { l2: 'attended' }), _deleted: true }],
        compensations: [compensation('k1', 'l1', 2000), { ...compensation('k2', 'l1', 900), _deleted: true }],
      }),
      S1,
    );
    expect(figures.plans.made.ids).toEqual(['p1']);
    expect(figures.plans.learnersWithPlans.ids).toEqual(['l1']);
    expect(figures.support.learnersSupported.ids).toEqual(['l1']);
    expect(figures.sessions.logged.count).toBe(0);
    expect(figures.compensations.total.paid.cents).toBe(2000);
  });

  it('counts a learner with two plans in the semester as one learner, and both plans', () => {
    // The first plan was approved and then made inactive; a new one replaced it.
    const replaced = plan('p1', 'l1', {
      status: 'inactive',
      statusReason: 'Aizstāts',
      history: [
        { id: 'h1', at: '2020-09-05T10:00:00.000Z', byUserId: 'dir', action: 'approve', toStatus: 'approved' },
        { id: 'h2', at: '2020-10-01T10:00:00.000Z', byUserId: 'dir', action: 'deactivate', toStatus: 'inactive' },
      ],
      risks: [{ id: 'r1', code: 'learning.missed_content', note: '' }],
    });
    const figures = semesterFigures(
      input({
        plans: [replaced, plan('p2', 'l1', { risks: [{ id: 'r2', code: 'learning.missed_content', note: '' }] })],
        consultations: [consultation('c1', { l1: 'attended' })],
        compensations: [compensation('k1', 'l1', 1000)],
      }),
      S1,
    );
    expect(figures.plans.made.count).toBe(2);
    expect(figures.plans.learnersWithPlans.count).toBe(1);
    expect(figures.support.both).toMatchObject({ count: 1, base: 1, share: 1 });
    expect(figures.risks.byItem['learning.missed_content']).toMatchObject({ count: 1, base: 1, share: 1 });
  });

  it('counts only plans that were approved: not drafts, not plans in approval, not a draft made inactive', () => {
    const figures = semesterFigures(
      input({
        plans: [
          plan('draft', 'l1', { status: 'draft' }),
          plan('waiting', 'l2', { status: 'in_approval' }),
          plan('dropped', 'l3', { status: 'inactive', statusReason: 'Kļūda' }),
          plan('revising', 'l4', {
            status: 'under_revision',
            statusReason: 'Jāmaina',
            history: [
              { id: 'h', at: '2020-09-05T10:00:00.000Z', byUserId: 'd', action: 'approve', toStatus: 'approved' },
            ],
          }),
          plan('approved', 'l5', { status: 'approved' }),
        ],
      }),
      S1,
    );
    expect(figures.plans.made.ids).toEqual(['approved', 'revising']);
    expect(figures.plans.byStatus.draft.ids).toEqual(['draft']);
    expect(figures.plans.byStatus.in_approval.ids).toEqual(['waiting']);
  });

  it.each([
    // A date or month on each side of the boundary between semester 1 (Sept–Dec) and semester 2 (Jan–Aug).
    { date: '2020-08-31', month: '2020-08', inS1: false },
    { date: '2020-09-01', month: '2020-09', inS1: true },
    { date: '2020-12-31', month: '2020-12', inS1: true },
    { date: '2021-01-04', month: '2021-01', inS1: false },
  ])('counts a consultation of $date and a compensation for $month in 2020/21 semester 1: $inS1', (c) => {
    const figures = semesterFigures(
      input({
        consultations: [consultation('c1', { l1: 'attended' }, { date: c.date })],
        compensations: [compensation('k1', 'l2', 1500, { month: c.month })],
      }),
      S1,
    );
    expect(figures.sessions.held.count).toBe(c.inS1 ? 1 : 0);
    expect(figures.compensations.total.paid.cents).toBe(c.inS1 ? 1500 : 0);
    expect(figures.support.learnersSupported.count).toBe(c.inS1 ? 2 : 0);
  });

  it('takes a plan by its own school year and semester, not by when it was written', () => {
    const figures = semesterFigures(
      input({
        plans: [
          plan('s1', 'l1'),
          plan('s2', 'l2', { semester: 2 }),
          plan('lastYear', 'l3', { schoolYear: '2019/2020', createdAt: '2020-09-02T08:00:00.000Z' }),
        ],
      }),
      S1,
    );
    expect(figures.plans.made.ids).toEqual(['s1']);
  });
});
