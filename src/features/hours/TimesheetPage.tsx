import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  countable,
  durationParts,
  isTimesheetMonth,
  monthRange,
  seesStaffHours,
  timesheetOfMonth,
  type Learner,
} from '../../domain';
import { useConsultationsOfStaff, useLearnersByIds, useSchools, useUser } from '../../db';
import { useRefusedIds } from '../../sync';
import { useActor } from '../account';
import { useSelectedSchool } from '../schools';
import { OwnDevelopmentHours } from '../staffDevelopment';
import { downloadBlob, monthInWords, xlsxBlob } from '../ui';
import { minutesOf, TimesheetIndirect, useIndirectOfMonth } from './TimesheetIndirect';
import { shiftMonth, timesheetDate, timesheetHours } from './timesheetFormat';
import { timesheetWorkbook } from './timesheetWorkbook';
import './timesheet.css';

/**
 * /hours/:staffId/:month: one staff member's held consultations of a month at the selected school, for payroll —
 * date, time, subject or role, the learners who came, minutes — with the month's total, printable on A4 and as
 * XLSX. Whoever sees the staff hours page sees everyone's; anyone sees their own.
 */
export function TimesheetPage() {
  const { t, i18n } = useTranslation(['hours', 'consultations', 'profile']);
  const { staffId = '', month: monthParam } = useParams();
  const month = isTimesheetMonth(monthParam) ? monthParam : null;
  const actor = useActor();
  const allowed = !!actor && (actor.userId === staffId || seesStaffHours(actor.roles));
  const schoolId = useSelectedSchool((s) => s.schoolId);
  const { data: schools } = useSchools();
  const { data: person } = useUser(allowed ? staffId : undefined);
  const range = month ? monthRange(month) : { from: '', to: '' };
  const { data: log, loading } = useConsultationsOfStaff(allowed && month ? staffId : undefined, range.from, range.to);
  // Paid time counts only consultations the server accepted, as the staff hours page does.
  const refused = useRefusedIds('consultations');
  const sheet = useMemo(
    () =>
      month
        ? timesheetOfMonth(
            countable(log, refused).filter((c) => c.schoolId === schoolId),
            staffId,
            month,
          )
        : null,
    [log, refused, schoolId, staffId, month],
  );
  // Only the learners this device holds have names here (archived ones too: a past month names who has left); the
  // server sends a person only those they may read, the others are counted.
  const { data: learners } = useLearnersByIds(
    useMemo(() => sheet?.entries.flatMap((e) => e.learnerIds) ?? [], [sheet]),
  );
  const indirect = useIndirectOfMonth(allowed ? staffId : undefined, month, schoolId);
  const indirectMinutes = minutesOf(indirect);
  const learnerNames = useMemo(
    () => new Map(learners.map((l: Learner) => [l.id, `${l.lastName} ${l.firstName}`])),
    [learners],
  );

  if (!allowed || !month || !sheet) {
    return (
      <section className="page">
        <h1>{t('timesheet.title')}</h1>
        <p className="empty">{!month ? t('timesheet.badMonth') : t('timesheet.notAllowed')}</p>
      </section>
    );
  }

  const language = i18n.language;
  const duration = (minutes: number) => t('consultations:hours.duration', durationParts(minutes));
  const activity = (code: string) =>
    i18n.exists(`profile:subject.${code}`) ? t(`profile:subject.${code}`) : t(`profile:specialistRole.${code}`, code);
  const learnersOf = (ids: readonly string[]) => {
    const named = ids.map((id) => learnerNames.get(id)).filter((n): n is string => n !== undefined);
    const hidden = ids.length - named.length;
    return [...named, ...(hidden > 0 ? [t('timesheet.otherLearners', { count: hidden })] : [])].join(', ');
  };
  const schoolName = schools.find((s) => s.id === schoolId)?.name ?? '';
  const personName = person?.displayName ?? t('unknownPerson');
  const monthLabel = monthInWords(language, month);
  const fileName = `${t('timesheet.file')}-${personName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${month}`;
  const byDay = sheet.days.map((day) => ({ ...day, entries: sheet.entries.filter((e) => e.date === day.date) }));
  const backToAll = actor && seesStaffHours(actor.roles);
  const empty = sheet.sessions === 0 && indirect.length === 0;

  const columns = {
    date: t('timesheet.columns.date'),
    start: t('timesheet.columns.start'),
    activity: t('csv.activity'),
    learners: t('timesheet.columns.learners'),
    learnerCount: t('timesheet.columns.learnerCount'),
    minutes: t('csv.minutes'),
    hours: t('csv.hours'),
  };

  async function downloadCsv() {
    if (!sheet) return;
    const { default: Papa } = await import('papaparse');
    const decimal = (minutes: number) => (minutes / 60).toFixed(2).replace('.', language === 'en' ? '.' : ',');
    const csv = Papa.unparse(
      {
        fields: Object.values(columns),
        data: [
          ...sheet.entries.map((e) => [
            timesheetDate(language, e.date),
            e.startTime,
            activity(e.activity),
            learnersOf(e.learnerIds),
            e.learnerIds.length,
            e.minutes,
            decimal(e.minutes),
          ]),
          [t('total'), '', sheet.sessions, '', '', sheet.minutes, decimal(sheet.minutes)],
          ...(indirect.length > 0
            ? [
                [],
                [t('timesheet.indirect.title')],
                ...indirect.map((w) => [w.what, '', '', '', '', w.minutes, decimal(w.minutes)]),
                [t('timesheet.indirect.total'), '', '', '', '', indirectMinutes, decimal(indirectMinutes)],
              ]
            : []),
        ],
      },
      // A name starting with = + - @ must stay text in Excel, not become a formula.
      { delimiter: ';', escapeFormulae: true },
    );
    downloadBlob(new Blob([`\uFEFF${csv}\r\n`], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  }

  async function downloadXlsx() {
    if (!sheet || !month) return;
    const sheets = timesheetWorkbook({
      heading: [schoolName, personName, `${t('timesheet.title')}, ${monthLabel}`],
      sheet: t('timesheet.title'),
      columns,
      total: t('total'),
      dateFormat: language === 'lv' ? 'dd.mm.yyyy"."' : 'dd.mm.yyyy',
      rows: sheet.entries.map((e) => ({
        date: e.date,
        startTime: e.startTime,
        activity: activity(e.activity),
        learners: learnersOf(e.learnerIds),
        learnerCount: e.learnerIds.length,
        minutes: e.minutes,
      })),
      indirect: {
        title: t('timesheet.indirect.title'),
        what: t('timesheet.indirect.what'),
        total: t('timesheet.indirect.total'),
        rows: indirect.map((w) => ({ what: w.what, minutes: w.minutes })),
      },
    });
    downloadBlob(await xlsxBlob(sheets), `${fileName}.xlsx`);
  }

  return (
    <section className="page timesheet" aria-labelledby="timesheet-title">
      <header className="page__header">
        <div>
          <h1 id="timesheet-title">{t('timesheet.title')}</h1>
          <p className="timesheet__who">
            <span className="timesheet__person">{personName}</span>
            {schoolName ? <span> · {schoolName}</span> : null}
            <span> · {monthLabel}</span>
          </p>
        </div>
        <div className="page__actions timesheet__actions">
          <button type="button" className="button" onClick={() => window.print()} disabled={empty}>
            {t('timesheet.print')}
          </button>
          <button type="button" className="button" onClick={() => void downloadCsv()} disabled={empty}>
            {t('download')}
          </button>
          <button type="button" className="button" onClick={() => void downloadXlsx()} disabled={empty}>
            {t('downloadXlsx')}
          </button>
        </div>
      </header>
      <nav className="timesheet__months" aria-label={t('timesheet.months')}>
        <Link to={`/hours/${staffId}/${shiftMonth(month, -1)}`}>← {monthInWords(language, shiftMonth(month, -1))}</Link>
        <Link to={`/hours/${staffId}/${shiftMonth(month, 1)}`}>{monthInWords(language, shiftMonth(month, 1))} →</Link>
        {backToAll ? <Link to="/hours">{t('link')}</Link> : null}
      </nav>
      <p className="page__lead">{t('timesheet.lead')}</p>
      {!loading && sheet.sessions === 0 ? <p className="empty">{t('timesheet.none')}</p> : null}
      {sheet.sessions > 0 ? (
        <table className="hours-table timesheet-table">
          <caption className="visually-hidden">{`${personName}: ${monthLabel}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timesheet.columns.date')}</th>
              <th scope="col">{t('timesheet.columns.session')}</th>
              <th scope="col" className="hours-table__number">
                {t('csv.minutes')}
              </th>
            </tr>
          </thead>
          {byDay.map((day) => (
            <tbody key={day.date}>
              {day.entries.map((e) => (
                <tr key={e.consultationId}>
                  <th scope="row">
                    <span className="hours-table__name">{timesheetDate(language, e.date)}</span>
                    {e.startTime ? <span className="hours-table__detail">{e.startTime}</span> : null}
                  </th>
                  <td>
                    <span className="timesheet-table__activity">{activity(e.activity)}</span>
                    <span className="hours-table__detail">{learnersOf(e.learnerIds)}</span>
                  </td>
                  <td className="hours-table__number">{t('timesheet.minutes', { count: e.minutes })}</td>
                </tr>
              ))}
              {day.sessions > 1 ? (
                <tr className="timesheet-table__day">
                  <th scope="row" colSpan={2}>
                    {t('timesheet.dayTotal', { date: timesheetDate(language, day.date), count: day.sessions })}
                  </th>
                  <td className="hours-table__number">{t('timesheet.minutes', { count: day.minutes })}</td>
                </tr>
              ) : null}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('total')}: {t('timesheet.sessions', { count: sheet.sessions })},{' '}
                {t('learners', { count: sheet.learners })}
              </th>
              <td className="hours-table__number">
                <span className="timesheet-table__total">{t('timesheet.minutes', { count: sheet.minutes })}</span>
                <span className="hours-table__detail">{timesheetHours(language, sheet.minutes)}</span>
                <span className="hours-table__detail">{duration(sheet.minutes)}</span>
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      <TimesheetIndirect
        records={indirect}
        caption={`${t('timesheet.indirect.title')}: ${monthLabel}`}
        own={actor?.userId === staffId}
      />
      <OwnDevelopmentHours staffId={staffId} month={month} />
    </section>
  );
}
