import { describe, expect, it } from 'vitest';
import { compensation, consultation, plan, user } from '../../../test/fixtures/reports/builders';
import type { NoImprovementReason, PlanOutcome } from '../plan';
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
const evaluated = (id: string, outcome: PlanOutcome, reasons?: NoImprovementReason[]) =>
  plan(id, `learner-${id}`, {
    evaluation: {
      deliveredShare: 1,
      outcome,
      ...(reasons ? { reasons } : {}),
      note: '',
      evaluatedAt: '2020-12-20T10:00:00.000Z',
      evaluatedBy: 'u',
    },
  });

describe('how each figure is defined', () => {
  it('money: requested waits, approved is everything granted, still owed is approved but unpaid', () => {
    const { byCategory, total } = semesterFigures(
      input({
        compensations: [
          compensation('k1', 'l1', 1000, { status: 'requested' }),
          compensation('k2', 'l2', 2000, { status: 'approved' }),
          compensation('k3', 'l3', 3000, { status: 'paid', category: 'intercity_transport' }),
        ],
      }),
      S1,
    ).compensations;
    expect([total.requested.cents, total.approved.cents, total.paid.cents, total.stillOwed.cents]).toEqual([
      1000, 5000, 3000, 2000,
    ]);
    expect(byCategory.meals?.learners.ids).toEqual(['l2']);
    expect(byCategory.intercity_transport?.learners.ids).toEqual(['l3']);
    // Every category of the profile is listed, with nothing in it where nothing was recorded.
    expect(byCategory.accommodation?.approved.cents).toBe(0);
  });

  it('support: a compensation only requested is no support received yet', () => {
    const { support } = semesterFigures(
      input({
        plans: [plan('p1', 'l1')],
        compensations: [compensation('k1', 'l1', 1000, { status: 'requested' })],
      }),
      S1,
    );
    expect(support.learnersSupported.count).toBe(0);
    expect(support.withPlanButNoSupport.ids).toEqual(['l1']);
    expect(support.economicOnly.share).toBeNull();
  });

  it('outcomes: counted over the evaluated plans only', () => {
    const { outcomes } = semesterFigures(
      input({
        plans: [
          evaluated('a', 'improved'),
          evaluated('b', 'improved'),
          evaluated('c', 'no_improvement'),
          evaluated('d', 'continues'),
          plan('e', 'learner-e'),
        ],
      }),
      S1,
    );
    expect(outcomes.evaluated.count).toBe(4);
    expect(outcomes.byOutcome.improved).toMatchObject({ count: 2, base: 4, share: 0.5, ids: ['a', 'b'] });
    expect(outcomes.byOutcome.no_improvement).toMatchObject({ count: 1, share: 0.25 });
    expect(outcomes.byOutcome.continues).toMatchObject({ count: 1, share: 0.25 });
    expect(outcomes.byOutcome.support_stopped).toMatchObject({ count: 0, share: 0 });
    expect(outcomes.byOutcome.no_longer_needed).toMatchObject({ count: 0, share: 0 });
  });

  it('reasons for no improvement: shares of the plans without improvement, several per plan, unstated apart', () => {
    const { outcomes } = semesterFigures(
      input({
        plans: [
          evaluated('a', 'no_improvement', ['lack_of_motivation', 'unexcused_absence']),
          evaluated('b', 'no_improvement', ['lack_of_motivation']),
          evaluated('c', 'no_improvement', ['parents_indifference']),
          evaluated('d', 'no_improvement'),
          evaluated('e', 'improved'),
        ],
      }),
      S1,
    );
    const reasons = outcomes.noImprovementReasons;
    expect(reasons.lack_of_motivation).toMatchObject({ count: 2, base: 4, share: 0.5, ids: ['a', 'b'] });
    expect(reasons.unexcused_absence).toMatchObject({ count: 1, base: 4, share: 0.25, ids: ['a'] });
    expect(reasons.parents_indifference).toMatchObject({ count: 1, share: 0.25, ids: ['c'] });
    expect(reasons.unstated).toMatchObject({ count: 1, share: 0.25, ids: ['d'] });
    expect(reasons.unwillingness).toMatchObject({ count: 0, share: 0 });
    expect(reasons.negative_peer_influence).toMatchObject({ count: 0, share: 0 });
  });

  it('sessions: held, cancelled, nobody came; a group session is one session; no-shows per appointment', () => {
    const { sessions, staff } = semesterFigures(
      input({
        consultations: [
          consultation('group', { l1: 'attended', l2: 'attended', l3: 'absent_unexcused' }, { minutes: 45 }),
          consultation('zoom', { l1: 'attended' }, { mode: 'remote', channel: 'zoom', minutes: 60 }),
          consultation('off', { l2: 'cancelled', l3: 'cancelled' }),
          consultation('empty', { l3: 'absent_unexcused' }),
          consultation('ill', { l2: 'absent_excused' }),
        ],
      }),
      S1,
    );
    expect(sessions.held.ids).toEqual(['group', 'zoom']);
    expect(sessions.cancelled.ids).toEqual(['off']);
    expect(sessions.nobodyCame.ids).toEqual(['empty', 'ill']);
    expect(sessions.heldInPerson.ids).toEqual(['group']);
    expect(sessions.heldRemoteByChannel.zoom?.ids).toEqual(['zoom']);
    // Appointments: 3 + 1 + 1 + 1 (the cancelled session's two are none); unexcused: l3 twice.
    expect(sessions.noShows).toMatchObject({ appointments: 6, absences: 2, rate: 2 / 6 });
    expect(sessions.noShows.learners.ids).toEqual(['l3']);
    expect(staff.directMinutes).toBe(105);
    expect(staff.directHours).toBe(1.75);
  });

  it('staff: taking part by the role they consulted in and by their account roles; hours by role', () => {
    const { staff } = semesterFigures(
      input({
        consultations: [
          consultation('c1', { l1: 'attended' }, { staffId: 'anna' }),
          consultation('c2', { l1: 'attended' }, { staffId: 'dace', staffRole: 'psychologist', subject: undefined }),
          consultation('c3', { l2: 'absent_unexcused' }, { staffId: 'juris' }),
        ],
        users: [user('anna', ['teacher']), user('dace', ['psychologist', 'plan_preparer']), user('juris', ['teacher'])],
      }),
      S1,
    );
    expect(staff.takingPart.ids).toEqual(['anna', 'dace']);
    expect(staff.takingPartByConsultationRole.subject_teacher?.ids).toEqual(['anna']);
    expect(staff.takingPartByConsultationRole.psychologist?.ids).toEqual(['dace']);
    expect(staff.takingPartByUserRole.teacher?.ids).toEqual(['anna']);
    expect(staff.takingPartByUserRole.plan_preparer?.ids).toEqual(['dace']);
    expect(staff.directMinutesByRole).toEqual({ psychologist: 40, subject_teacher: 40 });
  });

  it('learner shares: risks by item and group (a learner once per group), subjects and specialists', () => {
    const risk = (id: string, code: string) => ({ id, code, note: '' });
    const figures = semesterFigures(
      input({
        plans: [
          plan('p1', 'l1', {
            risks: [risk('a', 'learning.difficulty_mastering'), risk('b', 'learning.missed_content')],
          }),
          plan('p2', 'l2', { risks: [risk('c', 'learning.difficulty_mastering'), risk('d', 'family.conflicts')] }),
          plan('p3', 'l3', { risks: [risk('e', 'economic.meals')] }),
          plan('p4', 'l4', { risks: [risk('f', 'personality.behaviour')] }),
        ],
        consultations: [
          consultation('m1', { l1: 'attended', l2: 'attended' }),
          consultation('m2', { l1: 'attended' }),
          consultation('lv', { l3: 'attended' }, { subject: 'latvian' }),
          consultation('ps', { l4: 'attended' }, { staffRole: 'consulting_teacher', subject: undefined }),
        ],
      }),
      S1,
    );
    expect(figures.risks.byItem['learning.difficulty_mastering']).toMatchObject({ count: 2, base: 4, share: 0.5 });
    expect(figures.risks.byItem['learning.missed_content']).toMatchObject({ count: 1, share: 0.25 });
    expect(figures.risks.byGroup.learning).toMatchObject({ count: 2, share: 0.5, ids: ['l1', 'l2'] });
    expect(figures.risks.byGroup.family).toMatchObject({ count: 1, share: 0.25 });
    expect(figures.consultedLearners.bySubject.maths).toMatchObject({ count: 2, base: 4, share: 0.5 });
    expect(figures.consultedLearners.bySubject.latvian).toMatchObject({ count: 1, share: 0.25 });
    expect(figures.consultedLearners.bySpecialistRole.consulting_teacher).toMatchObject({ ids: ['l4'], share: 0.25 });
  });

  it('delivered share: against the 90 % target, 9 of 10 meets it, in ten bands', () => {
    const measure = (id: string, plannedSessions: number) => ({
      id,
      kind: 'subject_consultation' as const,
      riskIds: [],
      justification: '',
      subject: 'maths',
      plannedSessions,
    });
    const sessionsFor = (learnerId: string, n: number) =>
      Array.from({ length: n }, (_, i) => consultation(`${learnerId}-${i}`, { [learnerId]: 'attended' }));
    const { delivery } = semesterFigures(
      input({
        plans: [
          plan('nine', 'l1', { measures: [measure('m1', 10)] }),
          plan('most', 'l2', { measures: [measure('m2', 20)] }),
          plan('none', 'l3', { measures: [measure('m3', 5)] }),
          plan('money', 'l4'),
        ],
        consultations: [...sessionsFor('l1', 9), ...sessionsFor('l2', 17)],
      }),
      S1,
    );
    expect(delivery.target).toBe(0.9);
    expect(delivery.meetsTarget).toMatchObject({ ids: ['nine'], base: 3 });
    expect(delivery.belowTarget).toMatchObject({ ids: ['most', 'none'], base: 3 });
    expect(delivery.nothingPlanned.ids).toEqual(['money']);
    expect(delivery.bands.map((b) => b.plans.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(delivery.bands[8]?.plans.ids).toEqual(['most']);
  });
});
