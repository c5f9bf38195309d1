import type { TFunction } from 'i18next';
import type { PublishedCount, PublishedFigures, PublishedShare, SchoolSemester } from '../../domain';
import type { NationalReportResponse } from '../../sync';
import type { Formats } from './format';
import type { Cell, Row, Section } from './sections';
import { semesterShort } from './trendSections';

/**
 * A published count as a cell: a number stays a count (so a workbook keeps it a number); "<5" and a hidden count
 * stay the words the screen shows, since no number may be given for them.
 */
function countCell(c: PublishedCount, t: TFunction): Cell {
  if (typeof c === 'number') return { kind: 'count', figure: { count: c, idsOf: 'plans', ids: [] } };
  return { kind: 'text', text: c === 'withheld' ? t('reports:national.withheld') : c };
}
const shareCell = (s: PublishedShare | undefined): Cell => ({ kind: 'share', share: s?.share ?? null });
const plain = (n: number): Cell => ({ kind: 'count', figure: { count: n, idsOf: 'plans', ids: [] } });

/**
 * The state's reports of several semesters, oldest first, without those before the country has anything (as a
 * school's trend: fromFirstActive). The chosen semester, last, always stays.
 */
export function nationalTrendReports(reports: readonly NationalReportResponse[]): NationalReportResponse[] {
  const active = (f: PublishedFigures) => f.plansMade !== 0 || f.consultationsHeld > 0;
  const first = reports.findIndex((r) => active(r.total));
  return first === -1 ? reports.slice(-1) : reports.slice(first);
}

/**
 * The country's key figures, one column a semester: the same rows as a school's trend (trendSection), from the
 * published figures, so a small count reads "<5" in every semester it is small.
 */
export function nationalTrendSection(
  reports: readonly { semester: SchoolSemester; total: PublishedFigures }[],
  t: TFunction,
  fmt: Formats,
  threshold: number,
): Section {
  const row = (label: string, cell: (f: PublishedFigures) => Cell): Row => ({
    label,
    cells: reports.map((r) => cell(r.total)),
  });
  const target = fmt.percent(reports[0]?.total.deliveryTarget ?? 0.9);
  return {
    id: 'trend',
    title: t('reports:section.trend'),
    columns: reports.map((r) => semesterShort(r.semester, t)),
    rows: [
      row(t('reports:row.plansMade'), (f) => countCell(f.plansMade, t)),
      row(t('reports:row.learnersSupported'), (f) => countCell(f.learnersSupported, t)),
      row(`– ${t('reports:row.consultationsOnly')}`, (f) => shareCell(f.consultationsOnly)),
      row(`– ${t('reports:row.economicOnly')}`, (f) => shareCell(f.economicOnly)),
      row(`– ${t('reports:row.both')}`, (f) => shareCell(f.both)),
      row(t('reports:row.paid'), (f) => ({
        kind: 'money',
        figure: { cents: f.compensationsTotal.paidCents, idsOf: 'compensations', ids: [] },
      })),
      row(t('reports:row.directHours'), (f) => ({ kind: 'hours', hours: f.directMinutes / 60 })),
      row(t('reports:row.heldConsultations'), (f) => plain(f.consultationsHeld)),
      row(t('reports:row.meetsTarget', { target }), (f) => shareCell(f.meetsTarget)),
      row(t('reports:row.improved'), (f) => shareCell(f.outcomes.improved)),
      row(t('reports:row.noShowRate'), (f) => ({ kind: 'share', share: f.noShowRate })),
    ],
    note: t('reports:national.trendNote', { threshold }),
  };
}
