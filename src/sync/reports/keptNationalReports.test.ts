// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../db';
import { nationalFigures } from '../../domain';
import type { NationalReportResponse } from '../protocol/reports';
import { forgetNationalReportsOf, keepNationalReport, keptNationalReports } from './keptNationalReports';

const S1 = { schoolYear: '2026/2027', semester: 1 } as const;
const S2 = { schoolYear: '2026/2027', semester: 2 } as const;
const report = (semester: typeof S1 | typeof S2, generatedAt: string): NationalReportResponse => ({
  generatedAt,
  ...nationalFigures(
    { learners: [], plans: [], consultations: [], compensations: [], users: [] },
    semester,
    [{ id: 'ezerkalne', name: 'Ezerkalnu novads' }],
    [{ id: 'vidusskola', municipalityId: 'ezerkalne' }],
  ),
});

describe('the national reports kept on a device', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the last one per semester, per person, and forgets them with the person', () => {
    keepNationalReport('atbalsts_u_liga', report(S1, '2026-12-01T10:15:00.000Z'));
    keepNationalReport('atbalsts_u_liga', report(S1, '2026-12-02T08:00:00.000Z'));
    keepNationalReport('atbalsts_u_liga', report(S2, '2026-12-02T09:00:00.000Z'));
    keepNationalReport('atbalsts_u_admin', report(S1, '2026-11-30T07:00:00.000Z'));
    const kept = keptNationalReports('atbalsts_u_liga');
    expect(Object.keys(kept).sort()).toEqual(['2026/2027-1', '2026/2027-2']);
    expect(kept['2026/2027-1']?.generatedAt).toBe('2026-12-02T08:00:00.000Z');
    expect(kept['2026/2027-1']?.municipalities.map((m) => m.name)).toEqual(['Ezerkalnu novads']);

    forgetNationalReportsOf('atbalsts_u_liga');
    expect(keptNationalReports('atbalsts_u_liga')).toEqual({});
    expect(Object.keys(keptNationalReports('atbalsts_u_admin'))).toEqual(['2026/2027-1']);
  });

  it('never reads back a stored copy carrying anything more than published figures', () => {
    const tampered = { ...report(S1, '2026-12-01T10:15:00.000Z'), learnerIds: ['learner-1'] };
    const withNames = report(S2, '2026-12-01T10:15:00.000Z');
    const row = withNames.municipalities[0]!;
    const leaky = { ...withNames, municipalities: [{ ...row, figures: { ...row.figures, names: ['Anna'] } }] };
    localStorage.setItem(
      `${STORAGE_KEYS.nationalReportPrefix}atbalsts_u_liga`,
      JSON.stringify({ '2026/2027-1': tampered, '2026/2027-2': leaky }),
    );
    expect(keptNationalReports('atbalsts_u_liga')).toEqual({});
    localStorage.setItem(`${STORAGE_KEYS.nationalReportPrefix}atbalsts_u_liga`, 'not json');
    expect(keptNationalReports('atbalsts_u_liga')).toEqual({});
  });
});
