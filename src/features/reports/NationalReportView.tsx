import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  staffEventKinds,
  staffGroups,
  type PublishedCount,
  type PublishedFigures,
  type PublishedShare,
  type PublishedStaffDevelopment,
  type SchoolSemester,
} from '../../domain';
import { formatsFor, type Formats } from './format';
import { NationalTrend } from './NationalTrend';
import { useNationalReport } from './useNationalReport';

export interface NationalReportViewProps {
  semester: SchoolSemester;
}

/** "01.12.2026. 10:15" in Latvian; the language's own date beside the hours and minutes otherwise. */
function fetchedAt(iso: string, fmt: Formats): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fmt.date(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The state's report (national coordinator, administrator): computed by the server over every school, aggregates
 * only, small counts of learners shown as "<5" and a cell that would give one away by subtraction shown as hidden.
 * The last one fetched is kept on the device and shown offline with the time it was made.
 */
export function NationalReportView({ semester }: NationalReportViewProps) {
  const { t, i18n } = useTranslation(['reports', 'profile']);
  const fmt = useMemo(() => formatsFor(i18n.language), [i18n.language]);
  const state = useNationalReport(semester);
  const period = t('reports:semester', { year: semester.schoolYear, semester: semester.semester });

  const count = (c: PublishedCount) =>
    typeof c === 'number' ? fmt.count(c) : c === 'withheld' ? t('reports:national.withheld') : c;
  const share = (s: PublishedShare) => (s.share === null ? '–' : fmt.percent(s.share));
  const hours = (minutes: number) => fmt.hours(minutes / 60);

  const report = state.report;
  return (
    <article className="report" aria-labelledby="report-name">
      <header className="report__header">
        <div>
          <h2 id="report-name">{t('reports:national.title')}</h2>
          <p className="report__period">
            {period}
            {report ? ` · ${t('reports:national.dataFrom', { at: fetchedAt(report.generatedAt, fmt) })}` : null}
          </p>
        </div>
        <div className="report__actions">
          <button type="button" className="button" onClick={state.refresh} disabled={state.status === 'loading'}>
            {t('reports:national.refresh')}
          </button>
          {report ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t('reports:print')}
            </button>
          ) : null}
        </div>
      </header>
      <div aria-live="polite">
        {state.status === 'loading' ? <p className="empty">{t('reports:national.asking')}</p> : null}
        {state.status === 'offline' ? (
          <p className="national-notice national-notice--error" role="alert">
            {t('reports:national.offlineNothingKept')}
          </p>
        ) : null}
        {state.status === 'error' ? (
          <p className="national-notice national-notice--error" role="alert">
            {t(state.code === 'forbidden' ? 'reports:national.forbidden' : 'reports:national.failed')}
          </p>
        ) : null}
        {state.status === 'kept' && state.reason !== 'asking' ? (
          <p className="national-notice">
            {t(state.reason === 'offline' ? 'reports:national.keptOffline' : 'reports:national.keptFailed')}
          </p>
        ) : null}
      </div>
      {report ? (
        <>
          <TotalsTable figures={report.total} count={count} share={share} hours={hours} fmt={fmt} />
          <MunicipalityTable report={report.municipalities} count={count} hours={hours} fmt={fmt} />
          <CompensationTable figures={report.total} count={count} fmt={fmt} />
          <StaffDevelopmentTable development={report.total.staffDevelopment} fmt={fmt} />
          <YouthProjectsTable counts={report.youthProjects} fmt={fmt} />
          <NationalTrend
            semester={semester}
            report={report}
            heading={[
              t('reports:national.title'),
              period,
              t('reports:national.dataFrom', { at: fetchedAt(report.generatedAt, fmt) }),
            ]}
            fmt={fmt}
          />
          <p className="report-section__note">
            {t('reports:national.suppressed', { threshold: report.threshold, max: report.threshold - 1 })}
          </p>
        </>
      ) : null}
    </article>
  );
}

interface CellFormats {
  count: (c: PublishedCount) => string;
  hours: (minutes: number) => string;
  fmt: Formats;
}

function TotalsTable({
  figures: f,
  count,
  share,
  hours,
  fmt,
}: CellFormats & { figures: PublishedFigures; share: (s: PublishedShare) => string }) {
  const { t } = useTranslation('reports');
  const rows: [string, string, string][] = [
    [t('row.plansMade'), count(f.plansMade), ''],
    [t('row.learnersWithPlans'), count(f.learnersWithPlans), ''],
    [t('row.learnersSupported'), count(f.learnersSupported), ''],
    [t('row.consultationsOnly'), count(f.consultationsOnly.count), share(f.consultationsOnly)],
    [t('row.economicOnly'), count(f.economicOnly.count), share(f.economicOnly)],
    [t('row.both'), count(f.both.count), share(f.both)],
    [t('row.staffTakingPart'), fmt.count(f.staffTakingPart), ''],
    [t('row.directHours'), hours(f.directMinutes), ''],
    ...(f.indirectMinutes === undefined
      ? []
      : ([
          [t('row.indirectHours'), hours(f.indirectMinutes), ''],
          [t('row.staffAll'), fmt.count(f.staffAll ?? 0), ''],
          ...staffGroups
            .filter((g) => (f.staffByGroup?.[g] ?? 0) > 0)
            .map((g): [string, string, string] => [
              `– ${t(`staffGroup.${g}`)}`,
              fmt.count(f.staffByGroup?.[g] ?? 0),
              '',
            ]),
        ] as [string, string, string][])),
    [t('row.heldConsultations'), fmt.count(f.consultationsHeld), ''],
    [t('row.cancelled'), fmt.count(f.consultationsCancelled), ''],
    [t('row.evaluated'), count(f.evaluated), ''],
    [t('row.meetsTarget', { target: fmt.percent(f.deliveryTarget) }), count(f.meetsTarget.count), share(f.meetsTarget)],
    [t('row.noShowRate'), '', f.noShowRate === null ? '–' : fmt.percent(f.noShowRate)],
  ];
  return (
    <section className="report-section" aria-labelledby="national-total">
      <table className="report-table">
        <caption id="national-total">{t('national.total')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="report-table__number">
              {t('col.count')}
            </th>
            <th scope="col" className="report-table__number">
              {t('col.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, part]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="report-table__number">{value}</td>
              <td className="report-table__number">{part}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MunicipalityTable({
  report,
  count,
  hours,
  fmt,
}: CellFormats & { report: { municipalityId: string; name: string; schools: number; figures: PublishedFigures }[] }) {
  const { t } = useTranslation('reports');
  const columns = [
    t('national.schools'),
    t('col.plans'),
    t('col.supported'),
    t('row.heldConsultations'),
    t('col.hours'),
    t('col.paid'),
    t('row.developmentEvents'),
  ];
  return (
    <section className="report-section" aria-labelledby="national-municipalities">
      <table className="report-table">
        <caption id="national-municipalities">{t('national.byMunicipality')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('national.municipality')}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="report-table__number">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.map((m) => (
            <tr key={m.municipalityId}>
              <th scope="row">{m.name}</th>
              <td className="report-table__number">{fmt.count(m.schools)}</td>
              <td className="report-table__number">{count(m.figures.plansMade)}</td>
              <td className="report-table__number">{count(m.figures.learnersSupported)}</td>
              <td className="report-table__number">{fmt.count(m.figures.consultationsHeld)}</td>
              <td className="report-table__number">{hours(m.figures.directMinutes)}</td>
              <td className="report-table__number">{fmt.money(m.figures.compensationsTotal.paidCents)}</td>
              <td className="report-table__number">{fmt.count(m.figures.staffDevelopment.events)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CompensationTable({ figures, count, fmt }: Omit<CellFormats, 'hours'> & { figures: PublishedFigures }) {
  const { t } = useTranslation(['reports', 'profile']);
  const rows = [
    ...Object.entries(figures.compensations).map(([code, m]) => [t(`profile:compensation.${code}`, code), m] as const),
    [t('reports:row.total'), figures.compensationsTotal] as const,
  ];
  return (
    <section className="report-section" aria-labelledby="national-compensations">
      <table className="report-table">
        <caption id="national-compensations">{t('reports:section.compensations')}</caption>
        <thead>
          <tr>
            <td />
            {(['approved', 'paid', 'stillOwed', 'learners', 'fromOtherMunicipalities'] as const).map((c) => (
              <th key={c} scope="col" className="report-table__number">
                {t(`reports:col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, m]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="report-table__number">{fmt.money(m.approvedCents)}</td>
              <td className="report-table__number">{fmt.money(m.paidCents)}</td>
              <td className="report-table__number">{fmt.money(m.stillOwedCents)}</td>
              <td className="report-table__number">{count(m.learners)}</td>
              <td className="report-table__number">{count(m.fromOtherMunicipalities)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The country's staff development: about staff, not learners, so nothing is suppressed (publishedFigures.ts). */
function StaffDevelopmentTable({ development: d, fmt }: { development: PublishedStaffDevelopment; fmt: Formats }) {
  const { t } = useTranslation(['reports', 'staffDevelopment']);
  const rows: [string, string][] = [
    [t('reports:row.developmentEvents'), fmt.count(d.events)],
    ...staffEventKinds
      .filter((k) => d.byKind[k] > 0)
      .map((k): [string, string] => [`– ${t(`staffDevelopment:kind.${k}`)}`, fmt.count(d.byKind[k])]),
    [t('reports:row.developmentHours'), fmt.hours(d.hours)],
    [t('reports:row.developmentStaff'), fmt.count(d.staffReached)],
    [t('reports:row.developmentOthers'), fmt.count(d.otherParticipants)],
    [t('reports:row.developmentPersonHours'), fmt.hours(d.personHours)],
  ];
  return (
    <section className="report-section" aria-labelledby="national-development">
      <table className="report-table">
        <caption id="national-development">{t('reports:section.staffDevelopment')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="report-table__number">
              {t('reports:col.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="report-table__number">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Youth initiative projects since the programme began: whole projects and municipalities, nothing of a learner. */
function YouthProjectsTable({ counts, fmt }: { counts: { projects: number; municipalities: number }; fmt: Formats }) {
  const { t } = useTranslation('reports');
  return (
    <section className="report-section" aria-labelledby="national-youth">
      <table className="report-table">
        <caption id="national-youth">{t('national.youth.title')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('national.youth.projects')}</th>
            <td className="report-table__number">{fmt.count(counts.projects)}</td>
          </tr>
          <tr>
            <th scope="row">{t('national.youth.municipalities')}</th>
            <td className="report-table__number">{fmt.count(counts.municipalities)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
