import { useTranslation } from 'react-i18next';
import { developmentHours, monthRange, semesterOf, semesterRange } from '../../domain';
import { useStaffEvents } from '../../db';
import { eventDates } from './eventDates';
import './staffDevelopment.css';

/**
 * A staff member's own development hours (issue 12), on their monthly timesheet: the month's and the semester's,
 * with the events they were listed at. Apart from the consultation hours on purpose: payroll counts those.
 */
export function OwnDevelopmentHours({ staffId, month }: { staffId: string; month: string }) {
  const { t, i18n } = useTranslation('staffDevelopment');
  const { data: events } = useStaffEvents();
  const semester = semesterOf(month);
  const inSemester = developmentHours(events, staffId, semesterRange(semester));
  const inMonth = developmentHours(events, staffId, monthRange(month));
  return (
    <section className="own-development" aria-labelledby="own-development-title">
      <h2 id="own-development-title">{t('own.title')}</h2>
      {inSemester.events.length === 0 ? (
        <p className="empty">{t('own.none')}</p>
      ) : (
        <>
          <dl className="own-development__totals">
            <div>
              <dt>{t('own.month')}</dt>
              <dd>{t('hours', { count: inMonth.hours })}</dd>
            </div>
            <div>
              <dt>{t('own.semester')}</dt>
              <dd>{t('hours', { count: inSemester.hours })}</dd>
            </div>
          </dl>
          <ul className="own-development__events">
            {inSemester.events.map((e) => (
              <li key={e.id}>
                <span className="own-development__title">{e.title}</span>
                <span className="own-development__detail">
                  {t(`kind.${e.kind}`)} · {eventDates(i18n.language, e)} · {t('hours', { count: e.hours })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
