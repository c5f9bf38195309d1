import type { TFunction } from 'i18next';
import {
  previousSemester,
  type CountFigure,
  type SchoolSemester,
  type SemesterFigures,
  type SinceStartFigures,
} from '../../domain';
import type { Formats } from './format';
import type { Cell, Row, Section } from './sections';

/** The chosen semester and the three before it: two school years side by side, which still reads on a phone. */
export const TREND_SEMESTERS = 4;

/** The semesters of a trend ending at `upTo`, oldest first. */
export function trendSemesters(upTo: SchoolSemester, length = TREND_SEMESTERS): SchoolSemester[] {
  const list = [upTo];
  while (list.length < length) list.unshift(previousSemester(list[0] as SchoolSemester));
  return list;
}

/**
 * A trend without the semesters before the device has anything: a school that began last semester sees one column
 * of figures, not three columns of zeros. The chosen semester always stays.
 */
export function fromFirstActive(trend: readonly SemesterFigures[]): SemesterFigures[] {
  const first = trend.findIndex((f) => f.plans.made.count > 0 || f.sessions.logged.count > 0);
  return first === -1 ? trend.slice(-1) : trend.slice(first);
}

/** "2020/21 1." style: a trend's column, short enough for four of them on a phone. */
export function semesterShort(s: SchoolSemester, t: TFunction): string {
  const [from = '', to = ''] = s.schoolYear.split('/');
  return t('reports:semesterShort', { year: `${from}/${to.slice(-2)}`, semester: s.semester });
}

const count = (figure: CountFigure): Cell => ({ kind: 'count', figure });

/** The semester's key figures, one column per semester (issue 11: "the same figures … side by side"). */
export function trendSection(trend: readonly SemesterFigures[], t: TFunction, fmt: Formats): Section {
  const row = (label: string, cell: (f: SemesterFigures) => Cell): Row => ({ label, cells: trend.map(cell) });
  const target = fmt.percent(trend[0]?.delivery.target ?? 0.9);
  return {
    id: 'trend',
    title: t('reports:section.trend'),
    columns: trend.map((f) => semesterShort(f.semester, t)),
    rows: [
      row(t('reports:row.plansMade'), (f) => count(f.plans.made)),
      row(t('reports:row.learnersSupported'), (f) => count(f.support.learnersSupported)),
      row(`– ${t('reports:row.consultationsOnly')}`, (f) => ({
        kind: 'share',
        share: f.support.consultationsOnly.share,
      })),
      row(`– ${t('reports:row.economicOnly')}`, (f) => ({ kind: 'share', share: f.support.economicOnly.share })),
      row(`– ${t('reports:row.both')}`, (f) => ({ kind: 'share', share: f.support.both.share })),
      row(t('reports:row.paid'), (f) => ({ kind: 'money', figure: f.compensations.total.paid })),
      row(t('reports:row.directHours'), (f) => ({ kind: 'hours', hours: f.staff.directHours })),
      row(t('reports:row.heldConsultations'), (f) => count(f.sessions.held)),
      row(t('reports:row.meetsTarget', { target }), (f) => ({ kind: 'share', share: f.delivery.meetsTarget.share })),
      row(t('reports:row.improved'), (f) => ({ kind: 'share', share: f.outcomes.byOutcome.improved?.share ?? null })),
      row(t('reports:row.noShowRate'), (f) => ({ kind: 'share', share: f.sessions.noShows.rate })),
    ],
  };
}

/** Learners in the programme at least once up to the chosen semester (002: "vismaz 1 reizi saņēmuši 1126 skolēni"). */
export function sinceStartSection(since: SinceStartFigures, t: TFunction): Section {
  return {
    id: 'sinceStart',
    title: t('reports:section.sinceStart'),
    columns: [t('reports:col.learners')],
    rows: [
      { label: t('reports:row.sinceStart'), cells: [count(since.learners)] },
      ...Object.entries(since.bySemesterCount).map(([n, figure]) => ({
        label: `– ${t('reports:row.inSemesters', { count: Number(n) })}`,
        cells: [count(figure)],
      })),
    ],
    note: t('reports:note.sinceStart'),
  };
}
