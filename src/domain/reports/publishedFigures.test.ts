import { describe, expect, it } from 'vitest';
import * as vocational from '../../../test/fixtures/reports/vocational2020s1';
import { compensation, consultation, plan } from '../../../test/fixtures/reports/builders';
import { nationalFigures } from './nationalFigures';
import { publishedFigures } from './publishedFigures';
import type { ReportInput } from './scope';
import { semesterFigures } from './semesterFigures';

const S1 = vocational.SEMESTER;

describe('published figures (the state level)', () => {
  const published = publishedFigures(semesterFigures(vocational.vocational2020s1, S1));

  it('gives the seed 004 school’s figures as counts, with the small cell and its complement hidden', () => {
    // 004: 45 plans; of the 43 supported 22 consultations only, 19 economic only, 2 both (fixture header).
    expect(published.plansMade).toBe(45);
    expect(published.learnersSupported).toBe(43);
    expect(published.consultationsOnly).toEqual({ count: 22, share: 22 / 43 });
    expect(published.both).toEqual({ count: '<5', share: null });
    // 43 − 22 − "<5" would give the 2 away: the next smallest cell is withheld too.
    expect(published.economicOnly).toEqual({ count: 'withheld', share: null });
    expect(published.compensations.meals?.paidCents).toBe(36245);
    expect(published.compensations.intercity_transport?.paidCents).toBe(12664);
    expect(published.compensations.accommodation?.paidCents).toBe(50472);
    expect(published.staffTakingPart).toBe(20);
    expect(published.directMinutes).toBe(455 * 60);
    expect(published.consultationsHeld).toBe(680);
    expect(published.heldRemote).toBe(5);
    expect(published.heldInPerson).toBe(675);
  });

  it('carries no id of any record or person', () => {
    const text = JSON.stringify(published);
    const input = vocational.vocational2020s1;
    for (const id of [
      ...input.learners.map((l) => l.id),
      ...input.learners.flatMap((l) => [l.firstName, l.lastName]),
      ...input.plans.map((p) => p.id),
      ...input.consultations.map((c) => c.id),
      ...input.compensations.map((c) => c.id),
      ...input.users.map((u) => u.id),
    ])
      expect(text).not.toContain(id);
  });
});

describe('the national figures', () => {
  // Two municipalities: Priekuļi with the seed's school, and a small one whose counts are all below 5.
  const small: ReportInput = {
    learners: [],
    users: [],
    plans: [plan('m1', 'maris', { schoolId: 'mazskola' }), plan('m2', 'liga', { schoolId: 'mazskola' })],
    consultations: [consultation('mc1', { maris: 'attended' }, { schoolId: 'mazskola', staffId: 't-m' })],
    compensations: [compensation('mk1', 'liga', 1500, { schoolId: 'mazskola', month: '2020-11' })],
  };
  const input: ReportInput = {
    ...vocational.vocational2020s1,
    plans: [...vocational.plans, ...small.plans],
    consultations: [...vocational.consultations, ...small.consultations],
    compensations: [...vocational.compensations, ...small.compensations],
  };
  const schools = [vocational.school, { id: 'mazskola', municipalityId: 'mazciems' }];
  const report = nationalFigures(
    input,
    S1,
    [
      { id: 'mazciems', name: 'Mazciema novads' },
      { id: 'municipality-priekuli', name: 'Priekuļu novads' },
    ],
    schools,
  );

  it('gives each municipality and the country, small counts shown as "<5"', () => {
    expect(report.threshold).toBe(5);
    expect(report.municipalities.map((m) => [m.name, m.schools, m.figures.plansMade])).toEqual([
      ['Mazciema novads', 1, '<5'],
      ['Priekuļu novads', 1, 45],
    ]);
    const [maz] = report.municipalities;
    expect(maz?.figures.learnersSupported).toBe('<5');
    expect(maz?.figures.compensations.meals).toEqual({
      requestedCents: 0,
      approvedCents: 1500,
      paidCents: 1500,
      stillOwedCents: 0,
      learners: '<5',
      // Nobody there said they live elsewhere: a zero tells nothing about anyone.
      fromOtherMunicipalities: 0,
    });
    expect(maz?.figures.consultationsHeld).toBe(1);
    // The country: 45 + 2 plans, 43 + 2 learners supported (22 + 1 consultations only, 19 + 1 economic only, 2 both).
    expect(report.total.plansMade).toBe(47);
    expect(report.total.learnersSupported).toBe(45);
    expect(report.total.consultationsOnly.count).toBe(23);
    expect(report.total.compensations.meals?.paidCents).toBe(36245 + 1500);
    expect(report.total.consultationsHeld).toBe(681);
  });
});
