import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countable, durationParts, type IndirectWork } from '../../domain';
import { useIndirectWork } from '../../db';
import { useRefusedIds } from '../../sync';
import { timesheetHours } from './timesheetFormat';

/** A person's indirect work of the month at the school, as the server holds it (a refused record counts nowhere). */
export function useIndirectOfMonth(staffId: string | undefined, month: string | null, schoolId: string | null) {
  const { data } = useIndirectWork(staffId && month ? staffId : undefined);
  const refused = useRefusedIds('staffevents');
  return useMemo(
    () =>
      staffId && month
        ? countable(data, refused).filter((w) => w.month === month && w.schoolId === schoolId && w.staffId === staffId)
        : [],
    [data, refused, month, schoolId, staffId],
  );
}

export const minutesOf = (records: readonly IndirectWork[]) => records.reduce((sum, w) => sum + w.minutes, 0);

/** The timesheet's indirect work (domain/indirectWork.ts): what was done and its minutes, with the month's total. */
export function TimesheetIndirect({
  records,
  caption,
  own,
}: {
  records: readonly IndirectWork[];
  caption: string;
  own: boolean;
}) {
  const { t, i18n } = useTranslation(['hours', 'consultations']);
  const minutes = minutesOf(records);
  const duration = (m: number) => t('consultations:hours.duration', durationParts(m));
  const language = i18n.language;
  return (
    <section className="timesheet__indirect" aria-labelledby="timesheet-indirect">
      <div className="section-header">
        <h2 id="timesheet-indirect">{t('timesheet.indirect.title')}</h2>
        {own ? (
          <Link className="timesheet__record" to="/hours/indirect">
            {t('timesheet.indirect.record')}
          </Link>
        ) : null}
      </div>
      {records.length === 0 ? (
        <p className="empty">{t('timesheet.indirect.none')}</p>
      ) : (
        <table className="hours-table timesheet-indirect-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timesheet.indirect.what')}</th>
              <th scope="col" className="hours-table__number">
                {t('csv.minutes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((w) => (
              <tr key={w.id}>
                <td className="timesheet-table__what">{w.what}</td>
                <td className="hours-table__number">{t('timesheet.minutes', { count: w.minutes })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('timesheet.indirect.total')}</th>
              <td className="hours-table__number">
                <span className="timesheet-table__total">{t('timesheet.minutes', { count: minutes })}</span>
                <span className="hours-table__detail">{timesheetHours(language, minutes)}</span>
                <span className="hours-table__detail">{duration(minutes)}</span>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
