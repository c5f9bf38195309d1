import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  countable,
  durationParts,
  hoursByStaff,
  localDate,
  seesStaffHours,
  type StaffHours,
  type User,
} from '../../domain';
import { useConsultationsOfSchool, useSchools, useUsers } from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';
import { SchoolPicker, useSelectedSchool } from '../schools';
import { downloadBlob, xlsxBlob, monthInWords } from '../ui';
import { hoursPeriods } from './periods';
import { hoursWorkbook } from './workbook';

const latvianCollator = new Intl.Collator('lv');

/**
 * /hours: every staff member's held consultation hours at a school for a month or a semester, for the director and
 * coordinators who pay for them; the same count each teacher sees as "my hours". Downloadable as CSV or XLSX for
 * payroll.
 */
export function StaffHoursPage() {
  const { t, i18n } = useTranslation(['hours', 'consultations', 'profile', 'common']);
  const periodId = useId();
  const actor = useActor();
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools } = useSchools();
  const today = localDate(new Date());
  const periods = useMemo(() => hoursPeriods(today), [today]);
  // The semester: the current month is empty on its first days, and the semester is what the programme reports (13.7).
  const [periodValue, setPeriodValue] = useState(periods[0]?.value ?? '');
  const period = periods.find((p) => p.value === periodValue) ?? periods[0];
  const { data: consultations, loading } = useConsultationsOfSchool(
    schoolId ?? undefined,
    period?.from ?? '',
    period?.to ?? '',
  );
  const { data: users } = useUsers();
  // Hours paid from these logs count only consultations the server accepted.
  const refused = useRefusedIds('consultations');
  const names = useMemo(() => new Map(users.map((u: User) => [u.id, u.displayName])), [users]);
  const rows = useMemo(
    () =>
      period
        ? hoursByStaff(countable(consultations, refused), period.from, period.to).sort((a, b) =>
            latvianCollator.compare(names.get(a.staffId) ?? '\uffff', names.get(b.staffId) ?? '\uffff'),
          )
        : [],
    [consultations, refused, period, names],
  );

  if (!actor || !seesStaffHours(actor.roles)) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="empty">{t('notAllowed')}</p>
      </section>
    );
  }

  const duration = (minutes: number) => t('consultations:hours.duration', durationParts(minutes));
  const activity = (code: string) =>
    i18n.exists(`profile:subject.${code}`) ? t(`profile:subject.${code}`) : t(`profile:specialistRole.${code}`, code);
  const periodLabel = (p: NonNullable<typeof period>) =>
    p.kind === 'semester'
      ? t('semester', { year: p.semester.schoolYear, semester: p.semester.semester })
      : monthInWords(i18n.language, p.month ?? '');
  const nameOf = (row: StaffHours) => names.get(row.staffId) ?? t('unknownPerson');
  const total = rows.reduce((sum, r) => sum + r.minutes, 0);
  const schoolName = schools.find((s) => s.id === schoolId)?.name ?? '';
  // A row opens the person's timesheet of the chosen month, or of the semester's latest month so far.
  const timesheetMonth =
    period?.kind === 'month' && period.month
      ? period.month
      : ([period?.to.slice(0, 7) ?? '', today.slice(0, 7)].sort()[0] ?? today.slice(0, 7));

  async function download() {
    if (!period) return;
    const { default: Papa } = await import('papaparse');
    const csv = Papa.unparse(
      {
        fields: [
          t('csv.name'),
          t('csv.activity'),
          t('csv.sessions'),
          t('csv.learners'),
          t('csv.minutes'),
          t('csv.hours'),
        ],
        data: rows.map((r) => [
          nameOf(r),
          Object.keys(r.byActivity).map(activity).join(', '),
          r.sessions,
          r.learners,
          r.minutes,
          (r.minutes / 60).toFixed(2).replace('.', i18n.language === 'en' ? '.' : ','),
        ]),
      },
      // A name starting with = + - @ must stay text in Excel, not become a formula.
      { delimiter: ';', escapeFormulae: true },
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`\uFEFF${csv}\r\n`], { type: 'text/csv;charset=utf-8' }));
    link.download = `${t('csv.file')}-${period.value.replace('/', '-')}.csv`;
    link.click();
    // Revoked only after the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  async function downloadXlsx() {
    if (!period) return;
    const sheets = hoursWorkbook({
      heading: [schoolName, `${t('title')}, ${periodLabel(period)}`],
      sheet: t('title'),
      columns: {
        name: t('csv.name'),
        activity: t('csv.activity'),
        sessions: t('csv.sessions'),
        learners: t('csv.learners'),
        minutes: t('csv.minutes'),
        hours: t('csv.hours'),
      },
      total: t('total'),
      rows: rows.map((r) => ({
        name: nameOf(r),
        activities: Object.keys(r.byActivity).map(activity).join(', '),
        sessions: r.sessions,
        learners: r.learners,
        minutes: r.minutes,
      })),
    });
    downloadBlob(await xlsxBlob(sheets), `${t('csv.file')}-${period.value.replace('/', '-')}.xlsx`);
  }

  return (
    <section className="page" aria-labelledby="hours-title">
      <header className="page__header">
        <h1 id="hours-title">{t('title')}</h1>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => void download()} disabled={rows.length === 0}>
            {t('download')}
          </button>
          <button type="button" className="button" onClick={() => void downloadXlsx()} disabled={rows.length === 0}>
            {t('downloadXlsx')}
          </button>
        </div>
      </header>
      <p className="page__lead">{t('lead')}</p>
      <div className="toolbar toolbar--pair">
        <SchoolPicker />
        <div className="toolbar__field">
          <label htmlFor={periodId}>{t('period')}</label>
          <select id={periodId} value={period?.value ?? ''} onChange={(e) => setPeriodValue(e.target.value)}>
            {periods.map((p) => (
              <option key={p.value} value={p.value}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!loading && rows.length === 0 ? <p className="empty">{t('none', { school: schoolName })}</p> : null}
      {rows.length > 0 ? (
        <table className="hours-table">
          <caption className="visually-hidden">{period ? `${schoolName}: ${periodLabel(period)}` : schoolName}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.person')}</th>
              <th scope="col" className="hours-table__number">
                {t('columns.sessions')}
              </th>
              <th scope="col" className="hours-table__number">
                {t('columns.hours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.staffId}>
                <th scope="row">
                  <Link className="hours-table__name" to={`/hours/${r.staffId}/${timesheetMonth}`}>
                    {nameOf(r)}
                  </Link>
                  <span className="hours-table__detail">
                    {Object.entries(r.byActivity)
                      .map(([code, minutes]) => `${activity(code)} ${duration(minutes)}`)
                      .join(' · ')}
                    {' · '}
                    {t('learners', { count: r.learners })}
                  </span>
                </th>
                <td className="hours-table__number">{r.sessions}</td>
                <td className="hours-table__number">{duration(r.minutes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td className="hours-table__number">{rows.reduce((sum, r) => sum + r.sessions, 0)}</td>
              <td className="hours-table__number">{duration(total)}</td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </section>
  );
}
