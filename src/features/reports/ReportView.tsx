import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canRead,
  learnersSinceStart,
  municipalityFigures,
  profileById,
  profileForSchoolYear,
  profileOfPlans,
  semesterFigures,
  trendFigures,
  type Actor,
  type Learner,
  type School,
  type SchoolSemester,
} from '../../domain';
import { useReportHistory, useReportInput, useStoredProfiles } from '../../db';
import { reportCsv, downloadText } from './csv';
import { formatsFor } from './format';
import { ReportTables } from './ReportTables';
import { breakdownSection, reportSections, type Section } from './sections';
import { downloadBlob, xlsxBlob } from '../ui';
import { reportWorkbook } from './workbook';
import { fromFirstActive, sinceStartSection, trendSection, trendSemesters } from './trendSections';

// The charts and their library load only when a report is shown: not in the first visit's JavaScript.
const ReportCharts = lazy(() => import('./ReportCharts'));

export interface ReportViewProps {
  actor: Actor;
  semester: SchoolSemester;
  /** One school's report, or a municipality's: its total and each of `schools` apart. */
  level: { kind: 'school'; school: School } | { kind: 'municipality'; id: string; name: string; schools: School[] };
  /** Records whose last change the server refused: left out, as in every other total. */
  refusedIds?: ReadonlySet<string>;
  /** The day the report is made (for its heading); today unless told. */
  today?: Date;
}

/** A semester report of a school or a municipality, computed on the device from its local data. */
export function ReportView({ actor, semester, level, refusedIds, today }: ReportViewProps) {
  const { t, i18n } = useTranslation(['reports', 'profile', 'plans', 'users', 'consultations']);
  const fmt = useMemo(() => formatsFor(i18n.language), [i18n.language]);
  const schools = useMemo(() => (level.kind === 'school' ? [level.school] : level.schools), [level]);
  const schoolIds = useMemo(() => schools.map((s) => s.id), [schools]);
  const { data: rows, loading } = useReportInput(schoolIds, semester);
  const { data: history, loading: historyLoading } = useReportHistory(schoolIds, semester);

  const { data: stored } = useStoredProfiles();
  // Listed under the union of the plans' own profiles (a successor's added risks counted too); each plan's delivered
  // share against its own profile's target.
  const profiles = useMemo(() => {
    const year = profileForSchoolYear(stored, semester.schoolYear);
    return {
      profile: profileOfPlans(rows.plans, stored, year),
      profileOfPlan: (plan: { profileId?: string | undefined }) => profileById(stored, plan.profileId) ?? year,
    };
  }, [stored, rows.plans, semester.schoolYear]);

  const figures = useMemo(() => {
    const input = { ...rows, ...(refusedIds ? { refusedIds } : {}) };
    if (level.kind === 'school')
      return { total: semesterFigures(input, semester, { ...profiles, schoolIds: new Set(schoolIds) }) };
    const m = municipalityFigures(input, semester, level.id, level.schools, profiles);
    return { total: m.total, schools: m.schools };
  }, [rows, refusedIds, level, semester, schoolIds, profiles]);

  // The earlier semesters side by side, and the learners since the programme began, from the history up to `semester`.
  const over = useMemo(() => {
    const input = { ...history, ...(refusedIds ? { refusedIds } : {}) };
    const inSchools = new Set(schoolIds);
    return {
      trend: fromFirstActive(
        trendFigures(input, trendSemesters(semester), { profileOfPlan: profiles.profileOfPlan, schoolIds: inSchools }),
      ),
      since: learnersSinceStart(input, semester, inSchools),
    };
  }, [history, refusedIds, semester, schoolIds, profiles]);

  const learners = useMemo(() => new Map(rows.learners.map((l: Learner) => [l.id, l])), [rows.learners]);
  const learnerName = (id: string) => {
    const learner = learners.get(id);
    return learner && canRead(actor, 'learners', learner) ? `${learner.firstName} ${learner.lastName}` : null;
  };

  // A municipality's schools by name, for the breakdown table and the support-mix chart.
  const chartSchools = useMemo(() => {
    if (!figures.schools) return undefined;
    const names = new Map(schools.map((s) => [s.id, s.name]));
    return figures.schools.map((s) => ({ name: names.get(s.schoolId) ?? s.schoolId, figures: s.figures }));
  }, [figures, schools]);

  const sections: Section[] = useMemo(() => {
    const breakdown = chartSchools ? [breakdownSection(chartSchools, t)] : [];
    const overTime = historyLoading ? [] : [trendSection(over.trend, t, fmt), sinceStartSection(over.since, t)];
    return [...breakdown, ...reportSections(figures.total, t, fmt), ...overTime];
  }, [figures, chartSchools, t, fmt, over, historyLoading]);

  const name = level.kind === 'school' ? level.school.name : level.name;
  const period = t('reports:semester', { year: semester.schoolYear, semester: semester.semester });
  const made = t('reports:madeOn', { date: fmt.date(today ?? new Date()) });

  const fileName = `${t('reports:file')}-${semester.schoolYear.replace('/', '-')}-${semester.semester}`;
  async function download() {
    const csv = await reportCsv([t('reports:title'), name, period, made], sections, fmt);
    downloadText(csv, `${fileName}.csv`);
  }
  async function downloadXlsx() {
    const sheets = reportWorkbook({
      heading: [name, `${t('reports:title')}, ${period}`, made],
      sections,
      learnerName,
      labels: {
        learners: t('reports:xlsx.learners'),
        section: t('reports:xlsx.section'),
        figure: t('reports:xlsx.figure'),
        column: t('reports:xlsx.column'),
        learner: t('reports:xlsx.learner'),
        notShown: (count) => t('reports:learnersNotShown', { count }),
      },
    });
    downloadBlob(await xlsxBlob(sheets), `${fileName}.xlsx`);
  }

  return (
    <article className="report" aria-labelledby="report-name">
      <header className="report__header">
        <div>
          <h2 id="report-name">{name}</h2>
          <p className="report__period">
            {period} · {made}
          </p>
        </div>
        <div className="report__actions">
          <button type="button" className="button" onClick={() => void download()} disabled={loading || historyLoading}>
            {t('reports:downloadCsv')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void downloadXlsx()}
            disabled={loading || historyLoading}
          >
            {t('reports:downloadXlsx')}
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('reports:print')}
          </button>
        </div>
      </header>
      {loading ? <p className="empty">{t('reports:loading')}</p> : null}
      {!loading && figures.total.plans.made.count === 0 && figures.total.sessions.logged.count === 0 ? (
        <p className="empty">{t('reports:none')}</p>
      ) : null}
      {loading ? null : (
        <Suspense fallback={null}>
          <ReportCharts
            total={figures.total}
            {...(chartSchools ? { schools: chartSchools } : {})}
            trend={historyLoading ? [] : over.trend}
            fmt={fmt}
          />
        </Suspense>
      )}
      {loading ? null : <ReportTables sections={sections} fmt={fmt} learnerName={learnerName} idPrefix="report" />}
    </article>
  );
}
