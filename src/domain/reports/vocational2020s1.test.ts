import { describe, expect, it } from 'vitest';
import { SEMESTER, vocational2020s1 } from '../../../test/fixtures/reports/vocational2020s1';
import type { Compensation, Consultation } from '../activity';
import type { SupportPlan } from '../plan';
import { semesterFigures } from './semesterFigures';

/** A share as the seed writes it: a whole percent. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/**
 * Seed 004, "2020./2021.m.g. 1. semestrī": "tika izveidoti un īstenoti 45 individuālā atbalsta plāni … 51% no
 * iesaistītajiem izmantoja individuālo konsultāciju iespēju. Tikai ekonomisko atbalstu saņēma 44% … 5% … abas
 * iespējas … ēdināšanu 362,45 eiro …, transportu 126,64 eiro …, dienesta viesnīcas apmaksu 504,72 eiro … 20 pedagogi
 * … Pedagogi 1.semestrī kopā nostrādāja 455 stundas … 22 darbinieki: 20 pedagogi un 2 grāmatveži … netieši
 * iesaistītie darbinieki … 68 stundas". The expected values below are these numbers.
 */
describe('the vocational school 2020/21 semester 1 (seed 004)', () => {
  const figures = semesterFigures(vocational2020s1, SEMESTER);

  it('made 45 plans', () => {
    expect(figures.plans.made.count).toBe(45);
    expect(figures.plans.made.ids).toHaveLength(45);
  });

  it('splits the learners involved 51 % consultations only, 44 % economic only, 5 % both', () => {
    const { consultationsOnly, economicOnly, both, learnersSupported } = figures.support;
    expect([percent(consultationsOnly.share), percent(economicOnly.share), percent(both.share)]).toEqual([51, 44, 5]);
    // The three are a partition of the learners supported: each learner behind exactly one of them.
    expect(new Set([...consultationsOnly.ids, ...economicOnly.ids, ...both.ids])).toEqual(
      new Set(learnersSupported.ids),
    );
    expect(consultationsOnly.count + economicOnly.count + both.count).toBe(learnersSupported.count);
  });

  it('compensated meals 362,45 €, transport 126,64 € and dormitory 504,72 €, nothing still owed', () => {
    const { byCategory, total } = figures.compensations;
    expect(byCategory.meals?.paid.cents).toBe(36245);
    expect(byCategory.intercity_transport?.paid.cents).toBe(12664);
    expect(byCategory.accommodation?.paid.cents).toBe(50472);
    expect(total.paid.cents).toBe(36245 + 12664 + 50472);
    expect(total.approved.cents).toBe(36245 + 12664 + 50472);
    expect(total.stillOwed.cents).toBe(0);
    expect(total.requested.cents).toBe(0);
  });

  it('had 22 staff taking part, 20 pedagogues and 2 accountants, the accountants working 68 hours indirectly', () => {
    expect(figures.indirectWork.indirectMinutes).toBe(68 * 60);
    const { staffTakingPart, byGroup } = figures.indirectWork;
    expect(staffTakingPart.count).toBe(22);
    expect([byGroup.pedagogue.count, byGroup.accountant.count, byGroup.coordinator.count]).toEqual([20, 2, 0]);
    expect(byGroup.accountant.ids).toEqual(['vtdt-accountant-1', 'vtdt-accountant-2']);
  });

  it('had 20 teachers working 455 hours with learners', () => {
    expect(figures.staff.directHours).toBe(455);
    expect(figures.staff.takingPart.count).toBe(20);
    expect(figures.staff.takingPartByConsultationRole.subject_teacher?.count).toBe(20);
    // The director approved the plans but held no consultation: not among the staff taking part.
    expect(figures.staff.takingPartByUserRole.director?.count).toBe(0);
    expect(figures.staff.takingPartByUserRole.teacher?.count).toBe(20);
  });

  it("gives the same figures from the server's rows: any order, tombstones among them", () => {
    // The server reads rows in its own order and holds deleted records as tombstones; the device holds neither.
    const reversed = <T>(list: readonly T[]) => [...list].reverse();
    const tombstone = <T extends { id: string }>(doc: T) => ({ ...doc, id: `${doc.id}-deleted`, _deleted: true });
    const rows = {
      learners: reversed(vocational2020s1.learners),
      plans: [...reversed(vocational2020s1.plans), tombstone(vocational2020s1.plans[0] as SupportPlan)],
      consultations: [
        tombstone(vocational2020s1.consultations[0] as Consultation),
        ...reversed(vocational2020s1.consultations).map((c) => ({ ...c, _deleted: false })),
      ],
      compensations: [
        ...reversed(vocational2020s1.compensations),
        tombstone(vocational2020s1.compensations[0] as Compensation),
      ],
      users: reversed(vocational2020s1.users),
      indirectWork: reversed(vocational2020s1.indirectWork ?? []),
    };
    expect(semesterFigures(rows, SEMESTER)).toEqual(figures);
  });
});
